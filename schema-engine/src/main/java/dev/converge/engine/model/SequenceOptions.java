package dev.converge.engine.model;

/** Options shared by standalone and identity sequences; {@code dataType} as {@code format_type} prints it. */
public record SequenceOptions(String dataType, long start, long increment, long min, long max, long cache,
                              boolean cycle) {

    /** The option list of CREATE SEQUENCE / GENERATED ... AS IDENTITY, always complete so it round-trips. */
    public String sql() {
        return "AS " + dataType + " " + identitySql();
    }

    /** Like {@link #sql()} without {@code AS type}: an identity's sequence takes its column's type. */
    public String identitySql() {
        return "INCREMENT BY " + increment + " MINVALUE " + min + " MAXVALUE " + max
                + " START WITH " + start + " CACHE " + cache + (cycle ? " CYCLE" : " NO CYCLE");
    }

    /**
     * Whether the new range excludes where the sequence may stand (its old start): then ALTER SEQUENCE must
     * also RESTART, which PostgreSQL otherwise refuses.
     */
    public boolean needsRestart(SequenceOptions to) {
        return start < to.min || start > to.max;
    }

    /** The ALTER clauses turning {@code this} into {@code to}, or "" when equal. */
    public String alterSql(SequenceOptions to) {
        StringBuilder sb = new StringBuilder();
        if (!dataType.equals(to.dataType)) {
            sb.append(" AS ").append(to.dataType);
        }
        if (increment != to.increment) {
            sb.append(" INCREMENT BY ").append(to.increment);
        }
        if (min != to.min || !dataType.equals(to.dataType)) {
            sb.append(" MINVALUE ").append(to.min);
        }
        if (max != to.max || !dataType.equals(to.dataType)) {
            sb.append(" MAXVALUE ").append(to.max);
        }
        if (start != to.start) {
            sb.append(" START WITH ").append(to.start);
        }
        if (cache != to.cache) {
            sb.append(" CACHE ").append(to.cache);
        }
        if (cycle != to.cycle) {
            sb.append(to.cycle ? " CYCLE" : " NO CYCLE");
        }
        if (needsRestart(to)) {
            sb.append(" RESTART WITH ").append(to.start);
        }
        return sb.toString();
    }
}
