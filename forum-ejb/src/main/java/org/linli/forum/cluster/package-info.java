/**
 * What makes several servers one forum: the state they share (the page caches' content
 * generation; the sign-in throttle keeps its counts in the same cache container), the leases
 * that let background work run on one server at a time, the node's name and its readiness
 * ({@link org.linli.forum.cluster.ServerReadiness}).
 * WildFly's HA profile does the clustering (JGroups, Infinispan, mod_cluster; see
 * configure-ha-node.cli); nothing here speaks a protocol of its own.
 */
package org.linli.forum.cluster;
