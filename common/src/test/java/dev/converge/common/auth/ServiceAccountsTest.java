package dev.converge.common.auth;

import dev.converge.common.Hashing;
import dev.converge.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAccountsTest {
    private static final String CI_TOKEN = "ci-secret-token";
    private static final String VIEWER_TOKEN = "viewer-secret-token";

    private final ServiceAccounts accounts = ServiceAccounts.fromProperties(Map.of(
            "converge.auth.accounts.ci.token-sha256", Hashing.sha256Hex(CI_TOKEN),
            "converge.auth.accounts.ci.roles", "submitter, viewer",
            "converge.auth.accounts.dash.token-sha256", Hashing.sha256Hex(VIEWER_TOKEN),
            "converge.auth.accounts.dash.roles", "viewer",
            "converge.other", "ignored"));

    @Test
    void authenticatesABearerTokenByItsHash() {
        ServiceAccount ci = accounts.authenticateHeader("Bearer " + CI_TOKEN).orElseThrow();
        assertThat(ci.name()).isEqualTo("ci");
        assertThat(ci.hasRole(Roles.SUBMITTER)).isTrue();
        assertThat(ci.hasRole(Roles.APPROVER)).isFalse();
        assertThat(accounts.authenticateHeader("bearer " + VIEWER_TOKEN).orElseThrow().name()).isEqualTo("dash");
    }

    @Test
    void rejectsUnknownMissingOrMalformedTokens() {
        assertThat(accounts.authenticateHeader("Bearer nope")).isEmpty();
        assertThat(accounts.authenticateHeader(null)).isEmpty();
        assertThat(accounts.authenticateHeader("Basic " + CI_TOKEN)).isEmpty();
        assertThat(accounts.authenticateHeader("Bearer ")).isEmpty();
        assertThat(accounts.authenticate(Hashing.sha256Hex(CI_TOKEN))).as("the hash itself is not a token").isEmpty();
    }

    @Test
    void adminHoldsEveryRole() {
        ServiceAccount admin = new ServiceAccount("root", Hashing.sha256Hex("x"), java.util.Set.of(Roles.ADMIN));
        assertThat(admin.hasRole(Roles.APPROVER)).isTrue();
        assertThat(admin.toString()).doesNotContain(admin.tokenSha256());
    }

    @Test
    void rejectsAHashThatIsNotSha256Hex() {
        assertThatThrownBy(() -> ServiceAccounts.fromProperties(Map.of(
                "converge.auth.accounts.ci.token-sha256", "plaintext-token",
                "converge.auth.accounts.ci.roles", "submitter")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("converge.auth.accounts.ci.token-sha256:");
    }

    @Test
    void rejectsUnknownRolesAndProperties() {
        String hash = Hashing.sha256Hex("t");
        assertThatThrownBy(() -> ServiceAccounts.fromProperties(Map.of(
                "converge.auth.accounts.ci.token-sha256", hash,
                "converge.auth.accounts.ci.roles", "submiter")))
                .hasMessageContaining("converge.auth.accounts.ci.roles: unknown role 'submiter'");
        assertThatThrownBy(() -> ServiceAccounts.fromProperties(Map.of(
                "converge.auth.accounts.ci.token", "t")))
                .hasMessageContaining("converge.auth.accounts.ci.token: unknown property");
    }

    @Test
    void rejectsTwoAccountsWithTheSameToken() {
        String hash = Hashing.sha256Hex("t");
        assertThatThrownBy(() -> ServiceAccounts.fromProperties(Map.of(
                "converge.auth.accounts.a.token-sha256", hash,
                "converge.auth.accounts.b.token-sha256", hash)))
                .hasMessageContaining("another account has the same token");
    }
}
