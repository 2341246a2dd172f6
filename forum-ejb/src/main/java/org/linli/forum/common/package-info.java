/** What every feature shares: the business exception family, paging and the deployment settings. */
package org.linli.forum.common;
