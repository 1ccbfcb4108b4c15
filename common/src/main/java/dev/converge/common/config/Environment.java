package dev.converge.common.config;

/**
 * A deployment environment (for example {@code test}, {@code prod}). {@code after} names the environment that
 * must succeed first (null for the first one); the order of environments is derived from these links.
 */
public record Environment(String name, String after, Policy policy) {
}
