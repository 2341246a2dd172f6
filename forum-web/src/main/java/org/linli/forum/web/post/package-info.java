/** Backing beans of the posting forms: a new topic (/post/new-topic) and a reply (/post/reply). */
package org.linli.forum.web.post;
