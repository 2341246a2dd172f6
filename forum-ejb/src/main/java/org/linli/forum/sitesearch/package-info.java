/**
 * The forum's search feature over the index library of forum-search: the change log written with
 * every change that affects search (observing posts and topics), the indexer that applies it to
 * the Lucene index, and the search use case that decides who may see which hits. Its own name,
 * so that no package is split across the two jars.
 */
package org.linli.forum.sitesearch;
