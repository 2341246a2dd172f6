/** Members: registration, credentials and roles. */
package org.linli.forum.member;
