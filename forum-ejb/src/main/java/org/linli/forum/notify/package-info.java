/**
 * Watching topics and boards, and the notifications it brings: written in the transaction of
 * the post or change they are about, shown in the forum with an unread count.
 */
package org.linli.forum.notify;
