/** Backing beans of signing in, registering and signing out (/member/...). */
package org.linli.forum.web.member;
