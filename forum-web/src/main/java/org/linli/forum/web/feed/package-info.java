/** Atom feeds of the boards and of the announcements. */
package org.linli.forum.web.feed;
