/**
 * What the four Quarkus services share at runtime: the inbox (idempotent consumption) and the outbox (events
 * written in the transaction of the state change they announce), the relay that publishes the outbox, the
 * read-only processed-events resource, and the configuration bootstrap. Each service keeps these rows in its own
 * schema (its Flyway {@code V1__init.sql} creates {@code inbox} and {@code outbox}).
 *
 * <p>The Quarkus dependencies of this package are optional in {@code common}: the engine and the CLI use
 * {@code common} without them and never load these classes.
 */
package dev.converge.common.service;
