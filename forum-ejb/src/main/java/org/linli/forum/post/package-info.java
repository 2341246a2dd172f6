/** Posts: the opening message of a topic and every reply to it. */
package org.linli.forum.post;
