package io.clix.spring;

import io.clix.core.GameOrchestrator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Spring Boot auto-configuration of the {@link SfnClient} and {@link DynamoDbClient} the Clix AWS
 * orchestrator runs on, built from the Spring Cloud AWS-style {@code spring.cloud.aws.*}
 * properties ({@link ClixAwsClientProperties}) for each service the application brought no client
 * of, sync or async. The application's own clients, Spring Cloud AWS's, or an application-made
 * {@link GameOrchestrator} always win: then nothing is built. Runs before {@link ClixAutoConfiguration}.
 */
@AutoConfiguration(afterName = {
    // Spring Cloud AWS's own clients, when the application has it, come first and win.
    "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration",
    "io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration",
    "io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration"})
@ConditionalOnClass(GameOrchestrator.class)
@ConditionalOnProperty(name = "clix.mode", havingValue = "aws", matchIfMissing = true)
@EnableConfigurationProperties(ClixAwsClientProperties.class)
public class ClixAwsClientsAutoConfiguration {

  /** A Step Functions client (read timeout above the 60-second long poll) when the application has none. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean({SfnClient.class, SfnAsyncClient.class, GameOrchestrator.class})
  public SfnClient clixSfnClient(ClixAwsClientProperties properties) {
    return AwsClients.sfn(properties);
  }

  /** A DynamoDB client when the application has none. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean({DynamoDbClient.class, DynamoDbAsyncClient.class, GameOrchestrator.class})
  public DynamoDbClient clixDynamoDbClient(ClixAwsClientProperties properties) {
    return AwsClients.dynamoDb(properties);
  }
}
