/** Backing beans of the administrators' pages (/admin/...). */
package org.linli.forum.web.admin;
