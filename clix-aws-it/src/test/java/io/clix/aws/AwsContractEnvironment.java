package io.clix.aws;

import io.clix.core.GameOrchestrator;
import io.clix.testkit.ContractEnvironment;
import java.time.Clock;
import java.time.Duration;

/** The contract's environment on a fresh local stack: advance = settle, move the shared clock, settle. */
final class AwsContractEnvironment implements ContractEnvironment {

  private final AwsStack aws;
  private final AwsGameOrchestrator orchestrator;

  AwsContractEnvironment(Correlation correlation) {
    this.aws = new AwsStack(correlation);
    this.orchestrator = aws.orchestrator("contract");
  }

  @Override
  public GameOrchestrator orchestrator() {
    return orchestrator;
  }

  @Override
  public Clock clock() {
    return aws.clock;
  }

  @Override
  public void advance(Duration amount) {
    aws.advance(amount);
  }

  @Override
  public void settle() {
    aws.settle();
  }

  @Override
  public void close() {
    aws.close();
  }
}
