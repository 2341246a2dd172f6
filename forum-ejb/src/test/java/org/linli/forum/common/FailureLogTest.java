package org.linli.forum.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure that repeats is logged once per state, not once per attempt, and attempts are paced while it lasts. */
class FailureLogTest {

    private final Logger logger = Logger.getLogger("org.linli.forum.test.FailureLogTest");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void aThousandFailedAttemptsOfOneKindAreOneLineAndTheRecoveryIsAnother() {
        FailureLog log = new FailureLog(logger, "Applying search changes");
        for (int attempt = 0; attempt < 1000; attempt++) {
            log.failed(new SQLException("attempt " + attempt, new ConnectException("Connection refused to port " + attempt)), "retried");
        }
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.SEVERE);
        assertThat(records.get(0).getMessage()).contains("Applying search changes failed", "Connection refused");
        assertThat(log.isFailing()).isTrue();

        log.failed(new IllegalStateException("No space left on device"), "retried");
        assertThat(records).as("a different failure is a new state").hasSize(2);

        log.succeeded();
        log.succeeded();
        assertThat(records).hasSize(3);
        assertThat(records.get(2).getMessage()).contains("works again");
        assertThat(log.isFailing()).isFalse();
    }

    @Test
    void whileFailingTheNextAttemptWaitsLongerEachTimeUpToHalfAMinute() {
        FailureLog log = new FailureLog(logger, "Reading the mail outbox");
        Instant start = Instant.now();
        assertThat(log.isDue(start)).isTrue();

        log.failed(new ConnectException("Connection refused"), "retried");
        assertThat(log.isDue(Instant.now())).isFalse();
        assertThat(log.isDue(Instant.now().plusMillis(1_100))).isTrue();
        for (int i = 0; i < 10; i++) {
            log.failed(new ConnectException("Connection refused"), "retried");
        }
        assertThat(log.isDue(Instant.now().plusSeconds(20))).isFalse();
        assertThat(log.isDue(Instant.now().plusSeconds(31))).as("never more than 30 s apart").isTrue();

        log.succeeded();
        assertThat(log.isDue(Instant.now())).isTrue();
    }
}
