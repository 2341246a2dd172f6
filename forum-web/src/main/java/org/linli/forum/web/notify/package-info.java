/** A member's notifications, what they watch, and which kinds they want. */
package org.linli.forum.web.notify;
