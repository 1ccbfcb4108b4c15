package dev.converge.engine.model;

import java.util.List;
import java.util.Set;

/**
 * A function or procedure, identified by name and argument types.
 *
 * @param identityArgs {@code pg_get_function_identity_arguments}
 * @param arguments    {@code pg_get_function_arguments} (names and defaults: changing them needs a drop)
 * @param result       {@code pg_get_function_result} (null for procedures)
 * @param procedure    true for a procedure
 * @param definition   {@code pg_get_functiondef}: a complete {@code CREATE OR REPLACE} statement
 */
public record FunctionDef(QName name, String identityArgs, String arguments, String result, boolean procedure,
                          String definition, String comment, List<String> deps) implements DbObject {
    public FunctionDef {
        deps = Deps.normalized(deps);
    }

    @Override
    public String id() {
        return "function:" + name + "(" + identityArgs + ")";
    }

    @Override
    public String describe() {
        return (procedure ? "procedure " : "function ") + name + "(" + identityArgs + ")";
    }

    public String signatureSql() {
        return name.sql() + "(" + identityArgs + ")";
    }

    /**
     * A {@code LANGUAGE sql} body given as a string: PostgreSQL checks it (the tables it reads must exist) when the
     * function is created, but records no dependency on what it reads.
     */
    public boolean sqlStringBody() {
        return definition.contains("\n LANGUAGE sql\n") && !definition.contains("BEGIN ATOMIC");
    }

    public String keyword() {
        return procedure ? "PROCEDURE" : "FUNCTION";
    }

    @Override
    public Set<String> dependsOn() {
        return Deps.plus(deps, DbObject.schemaId(name.schema()));
    }
}
