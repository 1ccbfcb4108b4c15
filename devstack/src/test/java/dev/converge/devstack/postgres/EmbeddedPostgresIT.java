package dev.converge.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The last fallback of {@link PostgresFinder}: a private embedded server that stops again on close. */
class EmbeddedPostgresIT {
    @Test
    void startsAnEmbeddedServerThatAnswersQueriesAndStopsOnClose() throws Exception {
        int port;
        try (PostgresServer server = PostgresFinder.startEmbedded()) {
            port = server.port();
            assertThat(server.origin()).isEqualTo(PostgresServer.Origin.EMBEDDED);
            try (var c = server.connect("postgres"); ResultSet rs = c.createStatement().executeQuery("select 41 + 1")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(dev.converge.devstack.process.FreePorts.answers("127.0.0.1", port)).isFalse();
    }
}
