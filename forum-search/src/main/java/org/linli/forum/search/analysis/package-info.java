/** How Chinese and English text is cut into searchable terms, one analyzer per field. */
package org.linli.forum.search.analysis;
