package io.clix.spring;

import io.clix.aws.AwsGameOrchestratorBuilder;

/**
 * A bean that adjusts the {@link AwsGameOrchestratorBuilder} before {@link ClixAutoConfiguration}
 * builds the orchestrator (a clock, a retention, another option the properties do not cover).
 * Every such bean is applied, in {@code @Order}, after the properties.
 */
@FunctionalInterface
public interface ClixOrchestratorCustomizer {

  /** Adjusts {@code builder}. */
  void customize(AwsGameOrchestratorBuilder builder);
}
