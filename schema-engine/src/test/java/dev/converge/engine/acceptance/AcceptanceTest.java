package dev.converge.engine.acceptance;

import dev.converge.engine.DbConn;
import dev.converge.engine.diff.Rename;
import dev.converge.engine.introspect.IntrospectOptions;
import dev.converge.engine.introspect.Introspector;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import dev.converge.engine.plan.Planner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's acceptance suite: for every folder under {@code src/test/resources/acceptance}, build the old and
 * the new schema in real databases, plan old -> new, apply the plan to old, and require that old now has the
 * new schema (same model hash) and that planning again gives an empty plan. {@code expected-hazards.txt} lists
 * hazard codes the plan must carry (one per line, optionally {@code CODE: text in the message});
 * {@code expected-plan.sql} is the exact expected plan; {@code renames.txt} declares renames;
 * {@code check-after.sql} is a query that must return true on the migrated database (e.g. data kept);
 * {@code options.txt} turns on {@code manage-privileges} / {@code manage-ownership} (one per line) for introspection
 * and planning; {@code roles.txt} names roles (prefix {@code pv_}) the case needs: created before and dropped after
 * it (roles are cluster-wide). {@code -Dacceptance.cases=<regex>} runs a subset.
 */
class AcceptanceTest {
    private final Introspector introspector = new Introspector();
    private final Planner planner = new Planner();

    @TestFactory
    Stream<DynamicTest> acceptanceCases() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/acceptance").toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            String only = System.getProperty("acceptance.cases", ".*");
            cases = s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches(only)).sorted().toList();
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    private void run(Path dir) throws IOException {
        String name = "ec_" + dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_]", "_");
        String oldName = name + "_old";
        String newName = name + "_new";
        List<String> options = lines(dir.resolve("options.txt"));
        IntrospectOptions introspect = IntrospectOptions.defaults().withAuthorization(options.contains("manage-privileges"),
                options.contains("manage-ownership"));
        PlanOptions planOptions = PlanOptions.defaults().withAuthorization(introspect.managePrivileges(), introspect.manageOwnership());
        List<String> roles = lines(dir.resolve("roles.txt"));
        try {
            TestDatabases.createRoles(roles);
            DbConn oldDb = TestDatabases.recreate(oldName);
            DbConn newDb = TestDatabases.recreate(newName);
            TestDatabases.load(oldDb, dir.resolve("old.sql"));
            TestDatabases.load(newDb, dir.resolve("new.sql"));
            SchemaModel current = introspector.introspect(oldDb, introspect);
            SchemaModel desired = introspector.introspect(newDb, introspect);
            Plan plan = planner.plan(current, desired, planOptions.withRenames(renames(dir)));
            // kept for reading after a run: target/acceptance-plans/<case>.sql
            Path written = Path.of("target", "acceptance-plans", dir.getFileName() + ".sql");
            Files.createDirectories(written.getParent());
            Files.writeString(written, plan.toSql());
            assertThat(plan.isEmpty()).as("old and new differ, so the plan must not be empty").isFalse();
            checkExpectations(dir, plan);

            TestDatabases.apply(oldDb, plan);

            SchemaModel migrated = introspector.introspect(oldDb, introspect);
            assertThat(migrated.canonical()).as("schema after applying\n" + plan.toSql()).isEqualTo(desired.canonical());
            assertThat(migrated.hash()).isEqualTo(desired.hash());
            Path check = dir.resolve("check-after.sql");
            if (Files.exists(check)) {
                assertThat(TestDatabases.queryBoolean(oldDb, Files.readString(check)))
                        .as("check-after.sql holds after applying\n" + plan.toSql()).isTrue();
            }
            Plan again = planner.plan(migrated, desired, planOptions);
            assertThat(again.toSql()).as("re-plan after applying").isEmpty();
        } finally {
            TestDatabases.drop(oldName);
            TestDatabases.drop(newName);
            TestDatabases.dropRoles(roles);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** {@code renames.txt}: one {@code KIND schema parent|- old new} per line, as the state-file annotations give. */
    private static List<Rename> renames(Path dir) throws IOException {
        Path file = dir.resolve("renames.txt");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+"))
                .map(p -> new Rename(Rename.Kind.valueOf(p[0]), p[1], p[2].equals("-") ? null : p[2], p[3], p[4])).toList();
    }

    private static void checkExpectations(Path dir, Plan plan) throws IOException {
        Path hazards = dir.resolve("expected-hazards.txt");
        if (Files.exists(hazards)) {
            List<String> actual = plan.statements().stream().flatMap(s -> s.hazards().stream())
                    .map(h -> h.kind() + ": " + h.message()).toList();
            for (String line : Files.readAllLines(hazards)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(":", 2);
                String code = parts[0].trim();
                String text = parts.length > 1 ? parts[1].trim() : "";
                assertThat(actual).as("hazards of\n" + plan.toSql())
                        .anyMatch(h -> h.startsWith(code + ":") && h.contains(text));
            }
        }
        Path expectedPlan = dir.resolve("expected-plan.sql");
        if (Files.exists(expectedPlan)) {
            assertThat(plan.toSql().strip()).isEqualTo(Files.readString(expectedPlan).strip());
        }
    }
}
