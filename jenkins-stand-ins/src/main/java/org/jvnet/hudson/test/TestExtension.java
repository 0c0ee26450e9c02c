package org.jvnet.hudson.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in (compile only, tests) of the test harness' extension that exists only while its test runs;
 * jenkinsci/jenkins-test-harness, src/main/java/org/jvnet/hudson/test/TestExtension.java (the sezpoz
 * {@code @Indexable} meta-annotation is left out, as for {@code @Extension}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface TestExtension {
    String[] value() default {};
}
