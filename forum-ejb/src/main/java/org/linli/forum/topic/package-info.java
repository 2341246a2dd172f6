/** Topics: a title and the discussion under it, listed on a board. */
package org.linli.forum.topic;
