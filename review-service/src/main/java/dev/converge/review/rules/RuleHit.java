package dev.converge.review.rules;

import dev.converge.review.rules.sql.QualifiedName;

/**
 * What a rule found, before configuration and suppressions apply.
 *
 * @param statementIndex plan statement, or -1 for the plan as a whole
 * @param subject        the table the finding is about (suppressions and file:line mapping use it), may be null
 */
public record RuleHit(String ruleId, int statementIndex, QualifiedName subject, String message, String suggestion) {
}
