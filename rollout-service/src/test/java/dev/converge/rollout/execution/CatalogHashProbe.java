package dev.converge.rollout.execution;

import dev.converge.common.Hashing;
import dev.converge.common.events.PlanComputed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test probe: hashes the columns and indexes of schema {@code public} straight from the catalog. Enough to tell
 * the executor's states apart in tests that focus on execution; the engine-backed probe is tested on its own.
 */
final class CatalogHashProbe implements SchemaProbe {
    @Override
    public String hash(TargetDb target) {
        return Hashing.sha256Hex(String.join("\n", objects(target)));
    }

    @Override
    public String explainDrift(TargetDb target, PlanComputed plan, String currentHash) {
        return "current objects: " + objects(target);
    }

    static List<String> objects(TargetDb t) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + t.host() + ":" + t.port() + "/"
                + t.database(), t.user(), t.password());
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
                      WHERE table_schema = 'public'
                     UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                     ORDER BY 1""")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
