/** The search box's syntax: words, "phrases", -exclusions, OR and filters, parsed without ever failing. */
package org.linli.forum.search.query;
