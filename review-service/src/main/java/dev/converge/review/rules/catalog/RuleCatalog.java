package dev.converge.review.rules.catalog;

import dev.converge.review.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/** Every built-in rule, in documentation order. */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>();
        all.addAll(NamingRules.all());
        all.addAll(TableRules.all());
        all.addAll(ColumnRules.all());
        all.addAll(DestructiveRules.all());
        all.addAll(LockingRules.all());
        all.addAll(CompatRules.all());
        all.addAll(DataRules.all());
        return List.copyOf(all);
    }
}
