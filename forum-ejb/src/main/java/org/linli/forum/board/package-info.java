/** Boards: the forum's top-level sections, such as 物业管理 and 城市建设. */
package org.linli.forum.board;
