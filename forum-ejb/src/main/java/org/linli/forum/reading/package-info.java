/** Unread tracking: how far each member has read each topic. */
package org.linli.forum.reading;
