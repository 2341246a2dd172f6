/** Backing bean of a topic's page (/topic). */
package org.linli.forum.web.topic;
