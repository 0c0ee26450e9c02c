package org.kohsuke.stapler.bind;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stand-in (compile only) of Stapler's marker for methods exposed to {@code <st:bind>}; jenkins-api.md §2.5. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JavaScriptMethod {
    String[] name() default {};
}
