package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.core.ClixException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Micrometer and OpenTelemetry are optional: an orchestrator is built and called on a class path
 * without either (a class loader that leaves their jars out), so no class of theirs is loaded unless
 * the application asks for metrics or tracing.
 */
class OptionalDependenciesTest {

  @Test
  void theOrchestratorRunsWithoutMicrometerOrOpenTelemetryOnTheClassPath() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.contains("micrometer") && !entry.contains("opentelemetry")) {
        urls.add(url(entry));
      }
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.OpenTelemetry", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      Callable<?> probe = (Callable<?>) Class.forName(Probe.class.getName(), true, loader)
          .getDeclaredConstructor().newInstance();
      assertThat(probe.call()).isEqualTo("ServiceUnreachableException");
    }
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds an orchestrator on clients pointing at a closed port and calls it; loaded without Micrometer. */
  public static final class Probe implements Callable<String> {

    @Override
    public String call() {
      URI nowhere = URI.create("http://127.0.0.1:9");
      StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
      try (SfnClient sfn = SfnClient.builder().endpointOverride(nowhere).region(Region.US_EAST_1)
              .credentialsProvider(credentials).overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
              .build();
          DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(nowhere).region(Region.US_EAST_1)
              .credentialsProvider(credentials).overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
              .build();
          AwsGameOrchestrator games = AwsGameOrchestrator.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
              .tableName("games").stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:m")
              .routerWorkers(0).build()) {
        games.describe("g1");
        return "no error";
      } catch (ClixException e) {
        return e.getClass().getSimpleName();
      }
    }
  }
}
