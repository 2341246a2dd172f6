/** Backing beans of the board index (/) and a board's topic list (/board). */
package org.linli.forum.web.board;
