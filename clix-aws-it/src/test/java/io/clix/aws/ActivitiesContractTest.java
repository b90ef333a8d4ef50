package io.clix.aws;

import io.clix.local.junit5.ClixLocalEnvironment;
import io.clix.testkit.contract.ContractEnvironment;
import io.clix.testkit.contract.GameOrchestratorContract;

/** The orchestrator contract, unchanged, on the AWS orchestrator with activities correlation in the local environment. */
class ActivitiesContractTest extends GameOrchestratorContract {
  @Override
  protected ContractEnvironment createEnvironment() {
    return ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES).start().contractEnvironment();
  }
}
