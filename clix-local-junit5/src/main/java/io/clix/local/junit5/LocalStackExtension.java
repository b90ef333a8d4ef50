package io.clix.local.junit5;

import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A JUnit 5 extension that starts a {@link LocalStack} on a free port and injects it, ready
 * {@link SfnClient}, {@link SfnAsyncClient}, {@link DynamoDbClient} and {@link DynamoDbAsyncClient}
 * pointed at it (dummy credentials), and its {@link ManualClock}, into test constructors, methods
 * and lifecycle methods. Each test class gets its own stack and its own clock, so time skipping
 * never leaks between classes; everything is closed after the class (or method) is done.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class LobbyTest {
 *   @Test
 *   void lobbyTimesOut(SfnClient sfn, LocalStack stack) {
 *     ...
 *     stack.advance(Duration.ofSeconds(20));
 *   }
 * }
 * }</pre>
 *
 * <p>Configure it with {@link LocalStackOptions} on the class, or register a configured instance:
 * {@code @RegisterExtension static LocalStackExtension local = LocalStackExtension.builder()
 * .manualClock(false).build();}.
 */
public final class LocalStackExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

  private final Boolean manualClock;
  private final Boolean stackPerMethod;
  private final String region;
  private final Consumer<LocalStack.Builder> customizer;

  /** The extension with its defaults (or the test class's {@link LocalStackOptions}). */
  public LocalStackExtension() {
    this(null, null, "us-east-1", b -> { });
  }

  private LocalStackExtension(Boolean manualClock, Boolean stackPerMethod, String region,
      Consumer<LocalStack.Builder> customizer) {
    this.manualClock = manualClock;
    this.stackPerMethod = stackPerMethod;
    this.region = region;
    this.customizer = customizer;
  }

  /** A builder for a configured extension to register with {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perMethod(context)) {
      fixture(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    fixture(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalStack.class || type == SfnClient.class || type == SfnAsyncClient.class
        || type == DynamoDbClient.class || type == DynamoDbAsyncClient.class || type == ManualClock.class
        || type == Clock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Fixture fixture = fixture(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == LocalStack.class) {
      return fixture.stack;
    }
    if (type == Clock.class) {
      return fixture.stack.clock();
    }
    if (type == ManualClock.class) {
      if (!(fixture.stack.clock() instanceof ManualClock)) {
        throw new ParameterResolutionException("this local stack runs on the system clock; "
            + "use @LocalStackOptions(manualClock = true) to get a ManualClock");
      }
      return fixture.stack.clock();
    }
    return fixture.client(type);
  }

  private boolean perMethod(ExtensionContext context) {
    if (stackPerMethod != null) {
      return stackPerMethod;
    }
    return options(context).map(LocalStackOptions::stackPerMethod).orElse(false);
  }

  private boolean manual(ExtensionContext context) {
    if (manualClock != null) {
      return manualClock;
    }
    return options(context).map(LocalStackOptions::manualClock).orElse(true);
  }

  private static Optional<LocalStackOptions> options(ExtensionContext context) {
    return context.getTestClass().map(c -> c.getAnnotation(LocalStackOptions.class));
  }

  private Fixture fixture(ExtensionContext context) {
    ExtensionContext owner = context;
    if (!perMethod(context)) {
      while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
        owner = owner.getParent().get();
      }
    } else if (owner.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("with a stack per method, inject it into test methods only");
    }
    boolean manual = manual(context);
    // Keyed by the owner, so a nested class or a method does not find its parent's stack.
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent("stack:" + owner.getUniqueId(),
        k -> new Fixture(manual, region, customizer), Fixture.class);
  }

  /** A stack and the clients made for it; closed with the context that owns it. */
  private static final class Fixture implements AutoCloseable {
    final LocalStack stack;
    final String region;
    final List<SdkAutoCloseable> clients = new ArrayList<>();
    SfnClient sfn;
    SfnAsyncClient sfnAsync;
    DynamoDbClient dynamoDb;
    DynamoDbAsyncClient dynamoDbAsync;

    Fixture(boolean manual, String region, Consumer<LocalStack.Builder> customizer) {
      this.region = region;
      LocalStack.Builder builder = LocalStack.builder().region(region);
      if (manual) {
        builder.clock(ManualClock.create());
      }
      customizer.accept(builder);
      this.stack = builder.start();
    }

    synchronized Object client(Class<?> type) {
      if (type == SfnClient.class) {
        if (sfn == null) {
          sfn = track(LocalStackClients.sfn(stack));
        }
        return sfn;
      }
      if (type == SfnAsyncClient.class) {
        if (sfnAsync == null) {
          sfnAsync = track(LocalStackClients.sfnAsync(stack));
        }
        return sfnAsync;
      }
      if (type == DynamoDbClient.class) {
        if (dynamoDb == null) {
          dynamoDb = track(LocalStackClients.dynamoDb(stack));
        }
        return dynamoDb;
      }
      if (dynamoDbAsync == null) {
        dynamoDbAsync = track(LocalStackClients.dynamoDbAsync(stack));
      }
      return dynamoDbAsync;
    }

    private <T extends SdkAutoCloseable> T track(T client) {
      clients.add(client);
      return client;
    }

    @Override
    public void close() {
      for (SdkAutoCloseable client : clients) {
        client.close();
      }
      stack.close();
    }
  }

  /** Options for a {@link LocalStackExtension} registered with {@code @RegisterExtension}. */
  public static final class Builder {
    private Boolean manualClock;
    private Boolean stackPerMethod;
    private String region = "us-east-1";
    private Consumer<LocalStack.Builder> customizer = b -> { };

    private Builder() {}

    /**
     * Further settings for each stack the extension starts, e.g. bound task handlers:
     * {@code .stack(b -> b.resource(lambdaArn, handler))}. Runs after the clock and region are set.
     */
    public Builder stack(Consumer<LocalStack.Builder> customizer) {
      this.customizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** Run on a fresh {@link ManualClock} ({@code true}, the default) or on the system clock. */
    public Builder manualClock(boolean manualClock) {
      this.manualClock = manualClock;
      return this;
    }

    /** Give every test method its own stack and clock (default: one per test class). */
    public Builder stackPerMethod(boolean stackPerMethod) {
      this.stackPerMethod = stackPerMethod;
      return this;
    }

    /** The region of the stack's ARNs and of the clients; default {@code us-east-1}. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The configured extension. */
    public LocalStackExtension build() {
      return new LocalStackExtension(manualClock, stackPerMethod, region, customizer);
    }
  }
}
