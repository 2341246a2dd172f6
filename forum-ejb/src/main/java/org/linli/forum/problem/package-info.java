/**
 * Problems reported on problem boards: their status (open, acknowledged, resolved) and its
 * history as event lines, and staff's official answers.
 */
package org.linli.forum.problem;
