package io.clix.local.junit5;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension (5.10 or newer) that gives each test method its own {@link
 * ClixLocalEnvironment} (its own stack, manual clock and deployment) as a parameter, and closes it
 * after the test. Options come from {@link ClixLocalOptions} on the method or class, or from a
 * registered instance: {@code @RegisterExtension static ClixLocalExtension clix =
 * ClixLocalExtension.with(b -> b.correlation(Correlation.ACTIVITIES).addInterceptor(spy));}.
 *
 * <pre>{@code
 * @ExtendWith(ClixLocalExtension.class)
 * class LobbyTest {
 *   @Test
 *   void lobbyTimesOut(ClixLocalEnvironment env) {
 *     GameOrchestrator games = env.orchestrator();
 *     ...
 *     env.advance(Duration.ofSeconds(20));
 *   }
 * }
 * }</pre>
 */
public final class ClixLocalExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClixLocalExtension.class);
  private static final String KEY = "environment";

  private final UnaryOperator<ClixLocalEnvironment.Builder> configure;

  /** The extension for {@code @ExtendWith}: options from {@link ClixLocalOptions}, else the defaults. */
  public ClixLocalExtension() {
    this(null);
  }

  private ClixLocalExtension(UnaryOperator<ClixLocalEnvironment.Builder> configure) {
    this.configure = configure;
  }

  /** An extension to register with {@code @RegisterExtension} whose environments {@code configure} sets up. */
  public static ClixLocalExtension with(UnaryOperator<ClixLocalEnvironment.Builder> configure) {
    return new ClixLocalExtension(Objects.requireNonNull(configure, "configure"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ClixLocalEnvironment.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("a ClixLocalEnvironment is made per test: inject it into test methods");
    }
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Object existing = store.get(KEY);
    if (existing != null) {
      return existing;
    }
    ClixLocalEnvironment env = builder(context).start();
    store.put(KEY, env);
    return env;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClixLocalEnvironment env = context.getStore(NAMESPACE).remove(KEY, ClixLocalEnvironment.class);
    if (env != null) {
      env.close();
    }
  }

  private ClixLocalEnvironment.Builder builder(ExtensionContext context) {
    ClixLocalEnvironment.Builder builder = ClixLocalEnvironment.builder();
    if (configure != null) {
      return configure.apply(builder);
    }
    Optional<ClixLocalOptions> options = context.getTestMethod().map(m -> m.getAnnotation(ClixLocalOptions.class))
        .or(() -> context.getTestClass().map(c -> c.getAnnotation(ClixLocalOptions.class)));
    options.ifPresent(o -> builder.correlation(o.correlation()).heartbeatSeconds(o.heartbeatSeconds())
        .namePrefix(o.namePrefix()));
    return builder;
  }
}
