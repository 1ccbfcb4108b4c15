package dev.converge.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostgresFinderTest {
    @Test
    void parsesAPostgresqlUrlWithCredentials() {
        PostgresServer s = PostgresFinder.parse("postgresql://app:s%40cret@db.example:6543/converge");
        assertThat(s.host()).isEqualTo("db.example");
        assertThat(s.port()).isEqualTo(6543);
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("s@cret");
        assertThat(s.origin()).isEqualTo(PostgresServer.Origin.CONVERGE_PG_URL);
    }

    @Test
    void parsesAJdbcUrlWithQueryCredentials() {
        PostgresServer s = PostgresFinder.parse("jdbc:postgresql://127.0.0.1/postgres?user=bob&password=pw");
        assertThat(s.port()).isEqualTo(5432);
        assertThat(s.user()).isEqualTo("bob");
        assertThat(s.password()).isEqualTo("pw");
    }

    @Test
    void rejectsANonPostgresUrlWithoutEchoingThePassword() {
        assertThatThrownBy(() -> PostgresFinder.parse("mysql://u:topsecret@h/db"))
                .hasMessageContaining("CONVERGE_PG_URL")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void findsAServerAndCreatesAndDropsADatabase() {
        try (PostgresServer server = PostgresFinder.find()) {
            String name = "fnd_finder_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try {
                server.createDatabase(name);
                assertThat(server.databaseExists(name)).isTrue();
            } finally {
                server.dropDatabase(name);
            }
            assertThat(server.databaseExists(name)).isFalse();
        }
    }
}
