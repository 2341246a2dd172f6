/**
 * Full-text search of forum posts: analysis, the index and the user query syntax, on Apache
 * Lucene and nothing of Jakarta EE. The library is built by the search issue; the forum's
 * domain depends on this module so that the dependency direction is fixed from the start.
 */
package org.linli.forum.search;
