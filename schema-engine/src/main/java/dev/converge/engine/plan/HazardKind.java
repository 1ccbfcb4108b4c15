package dev.converge.engine.plan;

/** The risks a planned statement can carry; the names travel as {@code Hazard.code} in plan events. */
public enum HazardKind {
    /** Drops a table, column, sequence or type together with the data it holds. */
    DELETES_DATA,
    /** Rewrites the whole table (e.g. a column type change that is not binary-coercible). */
    TABLE_REWRITE,
    /** Holds an ACCESS EXCLUSIVE lock for longer than a catalog update (reads and writes wait). */
    ACCESS_EXCLUSIVE_LOCK,
    /** Builds an index (CPU and I/O proportional to the table). */
    INDEX_BUILD,
    /** Removes an index that queries may rely on. */
    INDEX_DROPPED,
    /** Scans the table to validate a constraint. */
    VALIDATES_CONSTRAINT,
    /** Drops and recreates objects that depend on the changed one. */
    RECREATES_DEPENDENTS,
    /** A drop plus an add of same-shaped objects that may really be a rename. */
    POSSIBLE_RENAME,
    /** Changes privileges or ownership. */
    AUTHORIZATION_CHANGE,
    /** Cannot run inside a transaction block; a failure leaves earlier statements applied. */
    NON_TRANSACTIONAL,
    /** Data may not fit the new definition (narrowing type change, new NOT NULL on existing rows). */
    MAY_FAIL_ON_DATA
}
