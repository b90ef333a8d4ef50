package io.clix.spring;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.AwsGameOrchestratorBuilder;
import io.clix.core.GameOrchestrator;
import io.clix.spring.internal.AwsTarget;
import io.clix.testkit.InMemoryGameOrchestrator;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Spring Boot auto-configuration of a Clix {@link GameOrchestrator} bean (unless the application
 * defines one): with {@code clix.mode=aws} (the default) an {@link AwsGameOrchestrator} on the
 * application's own {@link SfnClient}/{@link DynamoDbClient} beans and/or their async twins (or,
 * when it has neither of a service, a sync client built from the Spring Cloud AWS-style
 * {@code spring.cloud.aws.*} properties by {@link ClixAwsClientsAutoConfiguration}), from
 * the {@code clix.aws.*} properties ({@link ClixProperties}), optionally provisioning its table and
 * state machine on start; with {@code clix.mode=memory} an {@code InMemoryGameOrchestrator}
 * (clix-testkit on the class path). The orchestrator closes with the context, stopping its task
 * router. When the application has them, Clix records to its Micrometer {@code MeterRegistry}
 * and traces through its {@code OpenTelemetry}; {@link ClixHealthAutoConfiguration} adds a {@code clix} health
 * indicator.
 */
@AutoConfiguration(after = ClixAwsClientsAutoConfiguration.class)
@ConditionalOnClass(GameOrchestrator.class)
@EnableConfigurationProperties(ClixProperties.class)
public class ClixAutoConfiguration {

  /** The in-memory orchestrator: {@code clix.mode=memory}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.clix.testkit.InMemoryGameOrchestrator")
  @ConditionalOnProperty(name = "clix.mode", havingValue = "memory")
  static class MemoryOrchestrator {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(GameOrchestrator.class)
    InMemoryGameOrchestrator clixGameOrchestrator() {
      return InMemoryGameOrchestrator.create();
    }
  }

  /** The AWS orchestrator: {@code clix.mode=aws} or unset. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "clix.mode", havingValue = "aws", matchIfMissing = true)
  static class AwsOrchestrator {

    @Bean
    @ConditionalOnMissingBean({AwsTarget.class, GameOrchestrator.class})
    AwsTarget clixAwsTarget(ClixProperties properties, ObjectProvider<SfnClient> sfn,
        ObjectProvider<DynamoDbClient> dynamoDb) {
      return AwsTargets.resolve(properties.getAws(), sfn.getIfAvailable(), dynamoDb.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(GameOrchestrator.class)
    AwsGameOrchestrator clixGameOrchestrator(ClixProperties properties, AwsTarget target,
        ObjectProvider<SfnClient> sfn, ObjectProvider<DynamoDbClient> dynamoDb,
        ObjectProvider<SfnAsyncClient> sfnAsync, ObjectProvider<DynamoDbAsyncClient> dynamoDbAsync,
        ObjectProvider<ClixOrchestratorCustomizer> customizers) {
      AwsGameOrchestratorBuilder builder = AwsGameOrchestrator.builder();
      sfn.ifAvailable(builder::sfnClient);
      dynamoDb.ifAvailable(builder::dynamoDbClient);
      sfnAsync.ifAvailable(builder::sfnAsyncClient);
      dynamoDbAsync.ifAvailable(builder::dynamoDbAsyncClient);
      AwsTargets.applyTo(target, builder, properties.getAws());
      customizers.orderedStream().forEach(c -> c.customize(builder));
      return builder.build();
    }
  }

  /** Clix's meters in the application's registry: {@code clix.metrics-enabled} (default true). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnProperty(name = "clix.metrics-enabled", havingValue = "true", matchIfMissing = true)
  static class Metrics {

    @Bean
    @Order(0)
    ClixOrchestratorCustomizer clixMeterRegistryCustomizer(ObjectProvider<MeterRegistry> registry) {
      return builder -> registry.ifUnique(builder::meterRegistry);
    }
  }

  /** Clix's spans through the application's OpenTelemetry: {@code clix.tracing-enabled} (default true). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(OpenTelemetry.class)
  @ConditionalOnProperty(name = "clix.tracing-enabled", havingValue = "true", matchIfMissing = true)
  static class Tracing {

    @Bean
    @Order(0)
    ClixOrchestratorCustomizer clixOpenTelemetryCustomizer(ObjectProvider<OpenTelemetry> openTelemetry) {
      return builder -> openTelemetry.ifUnique(builder::openTelemetry);
    }
  }
}
