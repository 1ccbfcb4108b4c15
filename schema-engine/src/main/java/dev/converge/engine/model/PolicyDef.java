package dev.converge.engine.model;

import java.util.List;
import java.util.Set;

/** A row-level security policy. {@code command} is ALL/SELECT/INSERT/UPDATE/DELETE; roles sorted. */
public record PolicyDef(QName table, String name, boolean permissive, String command, List<String> roles,
                        String using, String withCheck, String comment, List<String> deps) implements DbObject {
    public PolicyDef {
        roles = roles.stream().sorted().toList();
        deps = Deps.normalized(deps);
    }

    @Override
    public String id() {
        return "policy:" + table + "." + name;
    }

    @Override
    public Set<String> dependsOn() {
        return Deps.plus(deps, "table:" + table);
    }

    public String createSql() {
        StringBuilder sb = new StringBuilder("CREATE POLICY ").append(Ident.quote(name)).append(" ON ").append(table.sql())
                .append(" AS ").append(permissive ? "PERMISSIVE" : "RESTRICTIVE").append(" FOR ").append(command)
                .append(" TO ").append(String.join(", ", roles.stream().map(r -> r.equals("public") ? "PUBLIC" : Ident.quote(r)).toList()));
        if (using != null) {
            sb.append(" USING (").append(using).append(')');
        }
        if (withCheck != null) {
            sb.append(" WITH CHECK (").append(withCheck).append(')');
        }
        return sb.toString();
    }
}
