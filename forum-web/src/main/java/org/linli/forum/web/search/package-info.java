/** Backing bean of the search page (/search). */
package org.linli.forum.web.search;
