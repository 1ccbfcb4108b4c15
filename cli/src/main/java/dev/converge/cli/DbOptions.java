package dev.converge.cli;

import dev.converge.engine.introspect.IntrospectOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that select which objects of a database are managed. */
final class DbOptions {
    @Option(names = "--exclude-schema", paramLabel = "<schema>", description = "Ignore this schema entirely (repeatable).")
    List<String> excludedSchemas = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "<pattern>",
            description = "Ignore objects whose qualified name matches (* and ?, e.g. 'public.tmp_*'; repeatable).")
    List<String> excludedObjects = new ArrayList<>();

    @Option(names = "--manage-privileges",
            description = "Also manage privileges: plan GRANT/REVOKE on schemas, tables, columns, sequences, functions and types "
                    + "(export writes them). Off by default: privileges are ignored.")
    boolean managePrivileges;

    @Option(names = "--manage-ownership",
            description = "Also manage owners: plan ALTER ... OWNER TO (export writes them); an object without a declared owner "
                    + "belongs to the role that runs the plan. Off by default: owners are ignored.")
    boolean manageOwnership;

    IntrospectOptions introspectOptions() {
        return new IntrospectOptions(excludedSchemas, excludedObjects, managePrivileges, manageOwnership);
    }
}
