package org.linli.forum.cluster;

import java.util.UUID;

/**
 * This server as the other servers see it: its WildFly node name ({@code jboss.node.name}, set
 * per node; the host name by default) and a mark of this start, so a server that died and came
 * back is not taken for the one that held a lease before.
 */
public final class Node {

    private static final String ID = System.getProperty("jboss.node.name", "server")
            + "/" + UUID.randomUUID().toString().substring(0, 8);

    private Node() {
    }

    /** This start of this server, for leases and claims. */
    public static String id() {
        return ID;
    }
}
