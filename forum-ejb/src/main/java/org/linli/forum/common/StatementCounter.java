package org.linli.forum.common;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Hibernate passes every SQL statement through here (see persistence.xml): it is counted, unchanged. */
public class StatementCounter implements StatementInspector {

    private static final long serialVersionUID = 1L;

    @Override
    public String inspect(String sql) {
        StatementCount.increment();
        return sql;
    }
}
