/**
 * Full-text search of forum posts on Apache Lucene, and nothing of Jakarta EE: the post
 * document, the index with its lifecycle ({@link org.linli.forum.search.PostIndex}), and search
 * results grouped by topic. Analysis lives in {@code .analysis}, the user query syntax in
 * {@code .query}. The forum's domain decides what is indexed and who may see a hit.
 */
package org.linli.forum.search;
