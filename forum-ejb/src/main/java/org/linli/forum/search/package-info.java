/**
 * Search in the forum: the change log written with every change that affects search, the
 * indexer that applies it to the Lucene index (forum-search), and the search use case that
 * decides who may see which hits.
 */
package org.linli.forum.search;
