/** Who is calling, and the permission rules that services and pages both ask. */
package org.linli.forum.security;
