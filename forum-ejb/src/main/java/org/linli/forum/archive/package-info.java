/**
 * Importing discussion archives: a newsgroup spool (threads rebuilt from References, quoted
 * Message-IDs and subjects) and a government message board export (each message a problem, its
 * official reply a staff answer). The import is a Jakarta Batch job, {@code linli-import}, started
 * from the management CLI or the administration page; a ledger in the database makes it
 * idempotent and resumable.
 */
package org.linli.forum.archive;
