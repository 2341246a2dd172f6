/** Post content: the limits a title and a body must meet, and turning a body into safe HTML. */
package org.linli.forum.content;
