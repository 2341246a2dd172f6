package org.linli.forum.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A key every server of the forum uses alike (see {@link SharedKeys}). */
@Entity
@Table(name = "forum_key")
public class ForumKey implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(length = 40)
    private String name;

    @Column(name = "key_value", nullable = false, length = 200)
    private String value;

    protected ForumKey() {
    }

    public ForumKey(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getValue() {
        return value;
    }
}
