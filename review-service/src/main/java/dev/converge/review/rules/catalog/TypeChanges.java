package dev.converge.review.rules.catalog;

import dev.converge.review.rules.ReviewContext;
import dev.converge.review.rules.sql.QualifiedName;
import dev.converge.review.rules.sql.TypeName;
import java.util.List;

/** What PostgreSQL does when a column changes type: rewrite the table or not, lose values or not. */
final class TypeChanges {
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final List<String> FLOATS = List.of("real", "double precision");

    private TypeChanges() {
    }

    /** The column's type on the target, or null when unknown (no probe, or the lookup failed: then a notice). */
    static TypeName currentType(ReviewContext ctx, QualifiedName table, String column, String ruleId) {
        if (ctx.probe() == null) {
            ctx.notice(ruleId + ": the current column types were not read (no connection to the target); "
                    + "type changes were judged from the plan alone");
            return null;
        }
        try {
            return ctx.probe().columnType(table, column);
        } catch (Exception e) {
            ctx.notice(ruleId + ": could not read the type of " + table + "." + column + " on the target: " + e.getMessage());
            return null;
        }
    }

    /** True unless the change is one PostgreSQL does without rewriting the table (binary-compatible widening). */
    static boolean rewrites(TypeName from, TypeName to) {
        if (from.equals(to)) {
            return false;
        }
        if (from.array() != to.array()) {
            return true;
        }
        String f = from.base();
        String t = to.base();
        if (f.equals("varchar") && (t.equals("text") || t.equals("varchar") && widens(from, to, 0))) {
            return false;
        }
        if (f.equals("text") && t.equals("varchar") && to.modifiers().isEmpty()) {
            return false;
        }
        if (f.equals("numeric") && t.equals("numeric")) {
            return !(to.modifiers().isEmpty() || (same(from, to, 1) && widens(from, to, 0)));
        }
        if ((f.equals("varbit") && t.equals("varbit")) && widens(from, to, 0)) {
            return false;
        }
        return !(f.equals("cidr") && t.equals("inet"));
    }

    /** Why the change can lose values, or null when it cannot. */
    static String narrowing(TypeName from, TypeName to) {
        String f = from.base();
        String t = to.base();
        if (INTEGERS.contains(f) && INTEGERS.contains(t) && INTEGERS.indexOf(t) < INTEGERS.indexOf(f)) {
            return f + " values beyond the range of " + t + " fail the change";
        }
        if (FLOATS.contains(f) && FLOATS.contains(t) && FLOATS.indexOf(t) < FLOATS.indexOf(f)) {
            return f + " values lose precision in " + t;
        }
        if ((f.equals("numeric") || FLOATS.contains(f)) && INTEGERS.contains(t)) {
            return "fractions are rounded away";
        }
        if ((f.equals("text") || f.equals("varchar") || f.equals("char")) && (t.equals("varchar") || t.equals("char"))
                && to.modifier(0) != null && (from.modifier(0) == null || to.modifier(0) < from.modifier(0))) {
            return "strings longer than " + to.modifier(0) + " characters no longer fit";
        }
        if (f.equals("numeric") && t.equals("numeric") && !to.modifiers().isEmpty()) {
            if (from.modifiers().isEmpty() || to.modifier(0) < from.modifier(0)
                    || scale(to) < scale(from)) {
                return "numeric" + from.modifiers() + " values may not fit numeric" + to.modifiers();
            }
        }
        if ((f.equals("timestamp") || f.equals("timestamptz")) && t.equals("date")) {
            return "the time of day is dropped";
        }
        return null;
    }

    private static int scale(TypeName t) {
        Integer s = t.modifier(1);
        return s == null ? 0 : s;
    }

    private static boolean widens(TypeName from, TypeName to, int i) {
        Integer f = from.modifier(i);
        Integer t = to.modifier(i);
        return t == null || (f != null && t >= f);
    }

    private static boolean same(TypeName a, TypeName b, int i) {
        Integer x = a.modifier(i);
        Integer y = b.modifier(i);
        return x == null ? y == null : x.equals(y);
    }
}
