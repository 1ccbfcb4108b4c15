package dev.converge.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbConnTest {

    @Test
    void parsesPostgresqlUrlWithCredentialsAndSslMode() {
        DbConn c = DbConn.parse("postgresql://alice:s%40cret@db.example:5433/app?sslmode=require");
        assertThat(c).isEqualTo(new DbConn("db.example", 5433, "app", "alice", "s@cret", "require"));
    }

    @Test
    void parsesJdbcUrlWithQueryCredentials() {
        DbConn c = DbConn.parse("jdbc:postgresql://127.0.0.1/converge?user=bob&password=pw");
        assertThat(c.user()).isEqualTo("bob");
        assertThat(c.password()).isEqualTo("pw");
        assertThat(c.port()).isEqualTo(5432);
        assertThat(c.database()).isEqualTo("converge");
    }

    @Test
    void parsesShortPostgresScheme() {
        assertThat(DbConn.parse("postgres://u@h/d")).isEqualTo(new DbConn("h", 5432, "d", "u", null));
    }

    @Test
    void toStringHidesThePassword() {
        DbConn c = DbConn.parse("postgresql://alice:topsecret@h:5432/app");
        assertThat(c.toString()).doesNotContain("topsecret").contains("alice@h:5432/app");
        assertThat(c.withDatabase("other").database()).isEqualTo("other");
        assertThat(c.toUrlWithPassword()).isEqualTo("postgresql://alice:topsecret@h:5432/app");
    }

    @Test
    void rejectsOtherSchemesWithoutShowingThePassword() {
        assertThatThrownBy(() -> DbConn.parse("mysql://u:pw@h/d"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("not a PostgreSQL URL")
                .hasMessageNotContaining("pw@");
    }
}
