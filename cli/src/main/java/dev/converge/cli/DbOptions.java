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

    IntrospectOptions introspectOptions() {
        return new IntrospectOptions(excludedSchemas, excludedObjects);
    }
}
