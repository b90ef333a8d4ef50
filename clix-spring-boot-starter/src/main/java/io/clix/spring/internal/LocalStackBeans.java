package io.clix.spring.internal;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The beans {@code @ClixLocalStackTest} adds: a local stack on the system clock and SDK clients on
 * it. Spring closes the clients, then the stack, with the context (after the orchestrator that
 * uses them).
 */
@Configuration(proxyBeanMethods = false)
public class LocalStackBeans {

  @Bean(destroyMethod = "close")
  LocalStack clixLocalStack() {
    return LocalStack.builder().start();
  }

  @Bean(destroyMethod = "close")
  SfnClient clixLocalSfnClient(LocalStack stack) {
    return LocalStackClients.sfn(stack);
  }

  @Bean(destroyMethod = "close")
  DynamoDbClient clixLocalDynamoDbClient(LocalStack stack) {
    return LocalStackClients.dynamoDb(stack);
  }

  @Bean(destroyMethod = "close")
  SfnAsyncClient clixLocalSfnAsyncClient(LocalStack stack) {
    return LocalStackClients.sfnAsync(stack);
  }

  @Bean(destroyMethod = "close")
  DynamoDbAsyncClient clixLocalDynamoDbAsyncClient(LocalStack stack) {
    return LocalStackClients.dynamoDbAsync(stack);
  }
}
