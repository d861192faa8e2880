package io.fieldlink.host;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few places (the command-line entry point) that may use an API forbiddenapis bans,
 * such as {@code System.out}. The build's forbiddenapis configuration honours {@code **.SuppressForbidden}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface SuppressForbidden {
    /** Why the banned API is needed here. */
    String reason();
}
