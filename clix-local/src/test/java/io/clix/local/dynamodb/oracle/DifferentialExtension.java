package io.clix.local.dynamodb.oracle;

import io.clix.local.LocalStack;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts, once for the whole test run, the embedded endpoint ({@link LocalStack}) and dynalite,
 * and hands test methods a {@link Differential} holding a real {@code DynamoDbClient} for each. Both are
 * stopped when the run ends. Without {@code node} or an installed dynalite, every test of the
 * class is skipped (disabled) with a reason saying so, also printed to the console once. With
 * {@code -Doracle.selfCheck=true} a second dynalite stands in for the embedded endpoint, which
 * checks the normalizer itself: two runs of the same implementation must compare equal.
 */
final class DifferentialExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DifferentialExtension.class);

  /** Whether the skip notice went to the console already (once per test JVM is enough). */
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> unavailable = Dynalite.unavailable();
    if (unavailable.isEmpty()) {
      return ConditionEvaluationResult.enabled("dynalite is installed and node is on the PATH");
    }
    if (TOLD.compareAndSet(false, true)) {
      // The build redirects test output to files; the forked JVM's own stderr still reaches the console.
      PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
      console.println("[WARNING] " + unavailable.get());
    }
    System.err.println("SKIPPED " + context.getDisplayName() + ": " + unavailable.get());
    return ConditionEvaluationResult.disabled(unavailable.get());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    endpoints(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Differential.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return endpoints(context);
  }

  private static Differential endpoints(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class).differential;
  }

  /** Both servers and their clients, closed by JUnit when the root context closes. */
  private static final class Started implements AutoCloseable {
    private final LocalStack stack;
    private final Dynalite dynalite;
    private final Dynalite selfCheck;
    private final Endpoints endpoints;
    private final Differential differential;

    private Started(LocalStack stack, Dynalite dynalite, Dynalite selfCheck) {
      this.stack = stack;
      this.dynalite = dynalite;
      this.selfCheck = selfCheck;
      URI embedded = selfCheck == null ? stack.endpoint() : selfCheck.endpoint();
      this.endpoints = new Endpoints(client(embedded), client(dynalite.endpoint()));
      this.differential = new Differential(endpoints);
    }

    static Started start() {
      Dynalite dynalite = Dynalite.start();
      try {
        return new Started(LocalStack.builder().start(), dynalite,
            Boolean.getBoolean("oracle.selfCheck") ? Dynalite.start() : null);
      } catch (RuntimeException e) {
        dynalite.close();
        throw e;
      }
    }

    @Override
    public void close() {
      endpoints.embedded().close();
      endpoints.dynalite().close();
      stack.close();
      dynalite.close();
      if (selfCheck != null) {
        selfCheck.close();
      }
    }
  }

  /** A real client over HTTP with dummy credentials and no retries, so each call is one request. */
  static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("oracle", "oracle")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
