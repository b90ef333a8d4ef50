package io.clix.aws;

import io.clix.testkit.ContractEnvironment;
import io.clix.testkit.GameOrchestratorContract;

/** The orchestrator contract, unchanged, on the AWS orchestrator with callback correlation on the local stack. */
class CallbacksContractTest extends GameOrchestratorContract {
  @Override
  protected ContractEnvironment createEnvironment() {
    return new AwsContractEnvironment(Correlation.CALLBACKS);
  }
}
