/** Start-up: bring the schema up to date, then seed the demo forum where asked to. */
package org.linli.forum.setup;
