package io.clix.aws;

import io.clix.testkit.ContractEnvironment;
import io.clix.testkit.GameOrchestratorContract;

/** The orchestrator contract, unchanged, on the AWS orchestrator with shared activities on the local stack. */
class ActivitiesContractTest extends GameOrchestratorContract {
  @Override
  protected ContractEnvironment createEnvironment() {
    return new AwsContractEnvironment(Correlation.ACTIVITIES);
  }
}
