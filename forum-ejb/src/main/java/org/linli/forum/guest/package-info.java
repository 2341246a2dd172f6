/** Replies from visitors without an account, held until a moderator approves them. */
package org.linli.forum.guest;
