package io.clix.testkit;

import io.clix.core.GameLogic;
import io.clix.core.GameOrchestrator;
import io.clix.core.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import io.clix.testkit.contract.ContractEnvironment;
import io.clix.testkit.contract.GameOrchestratorContract;

/** The contract suite on {@link InMemoryGameOrchestrator}, each test on its own {@link ManualClock}. */
class InMemoryGameOrchestratorContractTest extends GameOrchestratorContract {

  @Override
  protected ContractEnvironment createEnvironment() {
    ManualClock clock = ManualClock.create();
    ContractEnvironment plain = ContractEnvironment.of(InMemoryGameOrchestrator.create(clock), clock);
    List<GameOrchestrator> withLogic = new CopyOnWriteArrayList<>();
    return new ContractEnvironment() {
      @Override
      public GameOrchestrator orchestrator() {
        return plain.orchestrator();
      }

      @Override
      public synchronized Optional<GameOrchestrator> orchestratorWith(GameLogic logic) {
        if (withLogic.isEmpty()) { // one instance: in memory, a second one would hold other games
          withLogic.add(InMemoryGameOrchestrator.builder().clock(clock).gameLogic(logic).build());
        }
        return Optional.of(withLogic.get(0));
      }

      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public void advance(Duration amount) {
        clock.advance(amount);
      }

      @Override
      public void close() {
        withLogic.forEach(GameOrchestrator::close);
        plain.close();
      }
    };
  }
}
