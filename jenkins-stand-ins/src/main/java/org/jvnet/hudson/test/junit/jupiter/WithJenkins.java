package org.jvnet.hudson.test.junit.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in (compile only, tests) of the test harness' JUnit 5 annotation; jenkins-api.md §1.4. The real one is also
 * meta-annotated {@code @ExtendWith(JenkinsExtension.class)}; that is left out so that these stand-ins need no JUnit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
public @interface WithJenkins {
}
