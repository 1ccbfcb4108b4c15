package dev.converge.common.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request body type whose unknown fields are refused instead of ignored (see {@link Json#configure}).
 * Events stay tolerant so that a newer producer can add fields; a request is what a person or a script meant, and a
 * misspelt {@code "commment"} dropped without a word would lose it. Nested types need the mark themselves.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StrictFields {
}
