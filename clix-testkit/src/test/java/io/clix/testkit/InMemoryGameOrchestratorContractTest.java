package io.clix.testkit;

import io.clix.core.time.ManualClock;
import io.clix.testkit.contract.ContractEnvironment;
import io.clix.testkit.contract.GameOrchestratorContract;

/** The contract suite on {@link InMemoryGameOrchestrator}, each test on its own {@link ManualClock}. */
class InMemoryGameOrchestratorContractTest extends GameOrchestratorContract {

  @Override
  protected ContractEnvironment createEnvironment() {
    ManualClock clock = ManualClock.create();
    return ContractEnvironment.of(InMemoryGameOrchestrator.create(clock), clock,
        logic -> InMemoryGameOrchestrator.builder().clock(clock).gameLogic(logic).build());
  }
}
