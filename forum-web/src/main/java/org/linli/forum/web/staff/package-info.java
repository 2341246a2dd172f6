/** The staff's pages: the problems dashboard and its CSV export. */
package org.linli.forum.web.staff;
