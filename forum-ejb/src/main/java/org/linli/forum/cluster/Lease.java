package org.linli.forum.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Who may do one kind of once-only work, until when (see {@link Leases}). */
@Entity
@Table(name = "cluster_lease")
public class Lease implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @Column(length = 40)
    private String name;

    @Column(length = 200)
    private String holder;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected Lease() {
    }

    public String getName() {
        return name;
    }

    public String getHolder() {
        return holder;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
