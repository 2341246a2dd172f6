/**
 * Online backups of the forum's database, as the {@code linli-backup} batch job (started from the
 * management CLI, see the README). The search index is not backed up: it is rebuilt from the
 * database when a forum starts without one.
 */
package org.linli.forum.backup;
