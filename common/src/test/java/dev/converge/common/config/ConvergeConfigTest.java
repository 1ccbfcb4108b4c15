package dev.converge.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvergeConfigTest {

    private static Map<String, String> demo() {
        Map<String, String> p = new HashMap<>();
        p.put("converge.instances.demo.host", "127.0.0.1");
        p.put("converge.instances.demo.port", "5432");
        p.put("converge.instances.demo.username", "postgres");
        p.put("converge.instances.demo.password", "s3cret");
        p.put("converge.environments.prod.after", "test");
        p.put("converge.environments.prod.policy", "approval");
        p.put("converge.environments.prod.approver-role", "approver");
        p.put("converge.environments.test.policy", "automatic");
        p.put("converge.projects.hr.environments.test.targets", "demo/hr_test");
        p.put("converge.projects.hr.environments.prod.targets", "instances/demo/databases/hr_prod");
        return p;
    }

    @Test
    void parsesInstancesEnvironmentsInOrderAndProjects() {
        ConvergeConfig c = ConvergeConfig.fromProperties(demo());
        assertThat(c.environments()).extracting(Environment::name).containsExactly("test", "prod");
        assertThat(c.environment("prod").policy().needsApproval()).isTrue();
        assertThat(c.environment("prod").policy().submitterMayApprove()).isFalse();
        assertThat(c.environment("test").policy().needsApproval()).isFalse();
        assertThat(c.targetsInOrder(c.project("hr"))).containsExactly(
                new TargetRef("demo", "hr_test"), new TargetRef("demo", "hr_prod"));
        assertThat(c.project("hr").environmentOf(TargetRef.parse("demo/hr_prod"))).isEqualTo("prod");
    }

    @Test
    void instanceToStringNeverShowsThePassword() {
        assertThat(ConvergeConfig.fromProperties(demo()).instance("demo").toString()).doesNotContain("s3cret");
    }

    @Test
    void rejectsUnknownInstanceInProject() {
        Map<String, String> p = demo();
        p.put("converge.projects.hr.environments.prod.targets", "nowhere/hr_prod");
        assertThatThrownBy(() -> ConvergeConfig.fromProperties(p)).isInstanceOf(ConfigException.class)
                .hasMessage("converge.projects.hr.environments.prod.targets: target 'nowhere/hr_prod' names unknown instance 'nowhere'");
    }

    @Test
    void rejectsEnvironmentCycle() {
        Map<String, String> p = demo();
        p.put("converge.environments.test.after", "prod");
        assertThatThrownBy(() -> ConvergeConfig.fromProperties(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cycle").hasMessageContaining("prod").hasMessageContaining("test");
    }

    @Test
    void rejectsCycleBesideAValidChain() {
        Map<String, String> p = demo();
        p.put("converge.environments.a.after", "b");
        p.put("converge.environments.b.after", "a");
        assertThatThrownBy(() -> ConvergeConfig.fromProperties(p)).isInstanceOf(ConfigException.class)
                .hasMessage("converge.environments: cycle in 'after' links among [a, b]");
    }

    @Test
    void rejectsDuplicateTarget() {
        Map<String, String> p = demo();
        p.put("converge.projects.hr.environments.prod.targets", "demo/hr_test");
        assertThatThrownBy(() -> ConvergeConfig.fromProperties(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("duplicate target 'demo/hr_test'");
    }

    @Test
    void rejectsUnknownPropertyAndBadPort() {
        Map<String, String> p = demo();
        p.put("converge.instances.demo.hots", "x");
        assertThatThrownBy(() -> ConvergeConfig.fromProperties(p)).hasMessageStartingWith("converge.instances.demo.hots: unknown property");
        Map<String, String> q = demo();
        q.put("converge.instances.demo.port", "abc");
        assertThatThrownBy(() -> ConvergeConfig.fromProperties(q)).hasMessage("converge.instances.demo.port: 'abc' is not a number");
    }

    @Test
    void privilegesAndOwnershipAreManagedOnlyWhenAProjectTurnsThemOn() {
        ConvergeConfig off = ConvergeConfig.fromProperties(demo());
        assertThat(off.project("hr").managePrivileges()).isFalse();
        assertThat(off.project("hr").manageOwnership()).isFalse();

        Map<String, String> p = demo();
        p.put("converge.projects.hr.manage-privileges", "true");
        p.put("converge.projects.hr.manage-ownership", " TRUE ");
        ConvergeConfig on = ConvergeConfig.fromProperties(p);
        assertThat(on.project("hr").managePrivileges()).isTrue();
        assertThat(on.project("hr").manageOwnership()).isTrue();
        assertThat(on.project("hr").targets()).containsKeys("test", "prod");
    }

    @Test
    void untrustedExtensionsAreAllowedOnlyByName() {
        assertThat(ConvergeConfig.fromProperties(demo()).project("hr").allowedExtensions()).isEmpty();
        Map<String, String> p = demo();
        p.put("converge.projects.hr.allowed-extensions", " pageinspect, uuid-ossp,,pg_stat_statements ");
        assertThat(ConvergeConfig.fromProperties(p).project("hr").allowedExtensions())
                .containsExactlyInAnyOrder("pageinspect", "uuid-ossp", "pg_stat_statements");
        Map<String, String> bad = demo();
        bad.put("converge.projects.hr.allowed-extensions", "pageinspect; DROP");
        assertThatThrownBy(() -> ConvergeConfig.fromProperties(bad))
                .hasMessage("converge.projects.hr.allowed-extensions: 'pageinspect; DROP' is not an extension name");
    }

    @Test
    void rejectsASwitchThatIsNotABoolean() {
        Map<String, String> p = demo();
        p.put("converge.projects.hr.manage-privileges", "yes");
        assertThatThrownBy(() -> ConvergeConfig.fromProperties(p))
                .hasMessage("converge.projects.hr.manage-privileges: 'yes' is neither 'true' nor 'false'");
    }

    @Test
    void targetRefAcceptsBothSpellings() {
        assertThat(TargetRef.parse("demo/hr_test")).isEqualTo(new TargetRef("demo", "hr_test"));
        assertThat(TargetRef.parse("instances/demo/databases/hr_test")).isEqualTo(new TargetRef("demo", "hr_test"));
        assertThat(TargetRef.parse("demo/hr_test").toString()).isEqualTo("demo/hr_test");
        assertThatThrownBy(() -> TargetRef.parse("hr_test")).hasMessageContaining("instance/database");
        assertThatThrownBy(() -> TargetRef.parse("a/b/c")).hasMessageContaining("instance/database");
        assertThat(List.of(TargetRef.parse(" demo/x "))).containsExactly(new TargetRef("demo", "x"));
    }
}
