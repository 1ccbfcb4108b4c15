package dev.converge.review.rules.sql;

import java.util.List;
import java.util.Map;

/**
 * A column type with PostgreSQL's aliases folded to one spelling ({@code int4} and {@code int} become
 * {@code integer}, {@code character varying} becomes {@code varchar}, {@code timestamp without time zone}
 * becomes {@code timestamp}), its modifiers (length, precision, scale) and whether it is an array.
 */
public record TypeName(String base, List<Integer> modifiers, boolean array) {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"),
            Map.entry("serial2", "smallserial"), Map.entry("character varying", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"), Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("decimal", "numeric"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"));

    public TypeName {
        modifiers = List.copyOf(modifiers);
    }

    public static TypeName of(String spelledBase, List<Integer> modifiers, boolean array) {
        String base = spelledBase.trim().replaceAll("\\s+", " ");
        base = ALIASES.getOrDefault(base, base);
        if (base.equals("char") && modifiers.isEmpty()) {
            modifiers = List.of(1);
        }
        return new TypeName(base, modifiers, array);
    }

    public Integer modifier(int i) {
        return i < modifiers.size() ? modifiers.get(i) : null;
    }

    public boolean isOneOf(String... bases) {
        for (String b : bases) {
            if (base.equals(b)) {
                return !array;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(base);
        if (!modifiers.isEmpty()) {
            sb.append('(');
            for (int i = 0; i < modifiers.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(modifiers.get(i));
            }
            sb.append(')');
        }
        return array ? sb.append("[]").toString() : sb.toString();
    }
}
