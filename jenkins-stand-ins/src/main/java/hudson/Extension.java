package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in (compile only) of {@code @hudson.Extension}; jenkins-api.md §2.5. The real one is also meta-annotated
 * {@code @Indexable}, which only feeds Jenkins' annotation index and is left out here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {
    double ordinal() default 0;

    @Deprecated
    boolean optional() default false;

    jenkins.YesNoMaybe dynamicLoadable() default jenkins.YesNoMaybe.MAYBE;
}
