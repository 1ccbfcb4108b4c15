package dev.converge.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretScanTest {
    static final String PASSWORD = "Sc-pw+leak/42=x";
    final SecretScan scan = new SecretScan(Map.of("target password", PASSWORD));

    @Test
    void findsTheSecretAsItIsUrlEncodedAndBase64EncodedAtAnyOffset() {
        assertThat(scan.scan("log", "connecting with password " + PASSWORD + " now")).hasSize(1);
        assertThat(scan.scan("url", "postgresql://u:" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "@h/db")).hasSize(1);
        for (String prefix : new String[] {"", "u:", "ab:", "abc:"}) {
            String basic = Base64.getEncoder().encodeToString((prefix + PASSWORD + "!").getBytes(StandardCharsets.UTF_8));
            assertThat(scan.scan("header", "Authorization: Basic " + basic)).as(prefix).hasSize(1);
            String urlSafe = Base64.getUrlEncoder().encodeToString((prefix + PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertThat(scan.scan("jwt", urlSafe)).as(prefix).hasSize(1);
        }
    }

    @Test
    void aFindingNamesTheSecretAndThePlaceButNeverShowsIt() {
        SecretScan.Finding f = scan.scan("ingest.log:12", "x " + PASSWORD + " y").get(0);
        assertThat(f.toString()).contains("target password").contains("ingest.log:12").contains("<SECRET>").doesNotContain(PASSWORD);
    }

    @Test
    void cleanTextAndNearMissesAreNotFindings() {
        assertThat(scan.scan("log", "password=*** user=postgres Sc-pw+leak/41=x")).isEmpty();
        assertThat(scan.scan("log", null)).isEmpty();
    }

    @Test
    void refusesSecretsTooShortToScanFor() {
        assertThatThrownBy(() -> new SecretScan(Map.of("pw", "short"))).hasMessageContaining("'pw'");
    }
}
