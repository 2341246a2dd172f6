/** The moderators' pages: a topic's and a post's actions, the report queue, members' suspensions, the audit log. */
package org.linli.forum.web.moderation;
