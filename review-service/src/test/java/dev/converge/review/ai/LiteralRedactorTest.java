package dev.converge.review.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiteralRedactorTest {
    @Test
    void replacesStringsAndDollarBodiesButKeepsIdentifiersAndNumbers() {
        String sql = "ALTER TABLE \"t\" ADD COLUMN note text DEFAULT 'secret ''x''' CHECK (length(note) < 40);\n"
                + "COMMENT ON TABLE t IS E'api key\\'s here';\n"
                + "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 'pw' $body$ LANGUAGE sql";
        String redacted = LiteralRedactor.redact(sql);
        assertThat(redacted).doesNotContain("secret", "api key", "pw")
                .contains("\"t\"", "note", "40", "DEFAULT '?'", "IS '?'", "AS '?' LANGUAGE sql");
    }

    @Test
    void sqlWithoutLiteralsIsUnchanged() {
        String sql = "CREATE TABLE \"public\".\"fakeTable\" (id bigint PRIMARY KEY)";
        assertThat(LiteralRedactor.redact(sql)).isEqualTo(sql);
    }
}
