/**
 * The audit log: every moderation and administration action, who did it, to what, why and when,
 * written by {@link org.linli.forum.audit.AuditTrail} from the acting features' events.
 */
package org.linli.forum.audit;
