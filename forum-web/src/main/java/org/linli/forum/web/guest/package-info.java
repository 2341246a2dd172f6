/** The guest reply form of the topic page, its confirmation link and the moderators' queue. */
package org.linli.forum.web.guest;
