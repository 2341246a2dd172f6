/** The audit log: every moderation and administration action, who did it, to what, why and when. */
package org.linli.forum.audit;
