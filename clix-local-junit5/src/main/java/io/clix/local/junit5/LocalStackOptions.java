package io.clix.local.junit5;

import io.clix.core.time.ManualClock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options for the {@link LocalStackExtension} of an annotated test class: whether the stack runs
 * on a {@link ManualClock} (the default) or the system clock, and whether each test method gets
 * a stack of its own instead of sharing one per class.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * @LocalStackOptions(manualClock = false)
 * class RealTimeTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LocalStackOptions {

  /** Run the stack on a fresh {@link ManualClock}; {@code false} uses the system clock. */
  boolean manualClock() default true;

  /** Give every test method its own stack and clock; by default a test class shares one. */
  boolean stackPerMethod() default false;
}
