package io.clix.local.junit5;

import io.clix.aws.Correlation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options for the {@link ClixLocalEnvironment} that {@link ClixLocalExtension} injects into the
 * tests of an annotated class (or into one annotated test method, which wins over its class).
 *
 * <pre>{@code
 * @ExtendWith(ClixLocalExtension.class)
 * @ClixLocalOptions(correlation = Correlation.ACTIVITIES, heartbeatSeconds = 10)
 * class HeartbeatTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ClixLocalOptions {

  /** The deployment's correlation mode. */
  Correlation correlation() default Correlation.CALLBACKS;

  /** HeartbeatSeconds on the activity waits; 0 for none. */
  int heartbeatSeconds() default 0;

  /** The start of the deployment's resource names. */
  String namePrefix() default "clix";
}
