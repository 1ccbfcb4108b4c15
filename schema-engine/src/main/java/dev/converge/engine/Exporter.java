package dev.converge.engine;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a plan from the empty schema as state files, one file per run of statements of the same object kind:
 * {@code 001_schemas.sql}, {@code 002_tables.sql}, {@code 003_indexes.sql}, … Loading the files sorted by path
 * replays the plan's own dependency order exactly, so they plan back to an empty plan.
 */
public final class Exporter {

    private static final Pattern KIND = Pattern.compile(
            "(?is)^\\s*(CREATE|ALTER|COMMENT\\s+ON|GRANT|REVOKE)\\s+(?:OR\\s+REPLACE\\s+)?(?:UNIQUE\\s+)?(?:UNLOGGED\\s+)?"
                    + "(MATERIALIZED\\s+VIEW|CONSTRAINT\\s+TRIGGER|\\w+)");

    /** @param files the written files' names, in order */
    public record Result(List<String> files, int statements) {
    }

    private Exporter() {
    }

    static Result write(Plan fromEmpty, Path dir) {
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            String currentKind = null;
            StringBuilder content = new StringBuilder();
            for (Statement statement : fromEmpty.statements()) {
                String kind = kindOf(statement.sql());
                if (!kind.equals(currentKind) && currentKind != null) {
                    names.add(flush(dir, names.size() + 1, currentKind, content));
                    content.setLength(0);
                }
                currentKind = kind;
                content.append(statement.sql().replace("CREATE INDEX CONCURRENTLY", "CREATE INDEX")
                        .replace("CREATE UNIQUE INDEX CONCURRENTLY", "CREATE UNIQUE INDEX")).append(";\n\n");
            }
            if (currentKind != null) {
                names.add(flush(dir, names.size() + 1, currentKind, content));
            }
        } catch (IOException e) {
            throw new EngineException(EngineException.Code.INTERNAL, "cannot write state files into " + dir + ": " + e.getMessage());
        }
        return new Result(names, fromEmpty.statements().size());
    }

    private static String flush(Path dir, int number, String kind, StringBuilder content) throws IOException {
        String name = String.format(Locale.ROOT, "%03d_%s.sql", number, kind);
        Files.writeString(dir.resolve(name), "-- Written by converge export; files run in name order.\n\n" + content.toString().stripTrailing() + "\n",
                StandardCharsets.UTF_8);
        return name;
    }

    /** e.g. "tables", "indexes", "comments", "alter_tables". */
    static String kindOf(String sql) {
        Matcher m = KIND.matcher(sql);
        if (!m.find()) {
            return "statements";
        }
        String verb = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
        String object = m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
        return switch (verb) {
            case "CREATE" -> plural(object);
            case "COMMENT_ON" -> "comments";
            case "GRANT", "REVOKE" -> "privileges";
            default -> verb.toLowerCase(Locale.ROOT) + "_" + plural(object);
        };
    }

    private static String plural(String word) {
        if (word.endsWith("x")) {
            return word + "es";
        }
        if (word.endsWith("y")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word.endsWith("s") ? word : word + "s";
    }
}
