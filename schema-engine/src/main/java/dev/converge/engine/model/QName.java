package dev.converge.engine.model;

import java.util.Comparator;

/** A schema-qualified name, e.g. {@code public.users}. */
public record QName(String schema, String name) implements Comparable<QName> {
    private static final Comparator<QName> ORDER = Comparator.comparing(QName::schema).thenComparing(QName::name);

    public QName {
        if (schema == null || name == null) {
            throw new IllegalArgumentException("schema and name are required");
        }
    }

    /** The quoted, qualified SQL form: {@code public."Users"}. */
    public String sql() {
        return Ident.quote(schema) + "." + Ident.quote(name);
    }

    @Override
    public int compareTo(QName o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
