package io.clix.spring;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.spring.internal.AwsTarget;
import io.clix.spring.internal.ClixHealthIndicator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The {@code clix} health indicator of the starter's AWS orchestrator ({@code management.health.clix.enabled},
 * default on), when Spring Boot 4's health support ({@code spring-boot-health}, brought by the actuator) is on the
 * class path. Its own auto-configuration, guarded by class name, so the starter runs on Spring Boot 3.5 too, where
 * this health API does not exist and the indicator is left out.
 */
@AutoConfiguration(after = ClixAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnProperty(name = "clix.mode", havingValue = "aws", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("clix")
public class ClixHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "clixHealthIndicator")
  ClixHealthIndicator clixHealthIndicator(ClixProperties properties, ObjectProvider<AwsTarget> target,
      ObjectProvider<AwsGameOrchestrator> orchestrator, ObjectProvider<SfnClient> sfn,
      ObjectProvider<DynamoDbClient> dynamoDb, ObjectProvider<SfnAsyncClient> sfnAsync,
      ObjectProvider<DynamoDbAsyncClient> dynamoDbAsync) {
    return new ClixHealthIndicator(properties.getAws()::getRouterWorkers, target::getIfAvailable,
        orchestrator::getIfUnique, sfn::getIfAvailable, dynamoDb::getIfAvailable, sfnAsync::getIfAvailable,
        dynamoDbAsync::getIfAvailable);
  }
}
