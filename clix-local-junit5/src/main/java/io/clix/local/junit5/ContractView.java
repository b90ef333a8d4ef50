package io.clix.local.junit5;

import io.clix.core.GameOrchestrator;
import io.clix.testkit.contract.ContractEnvironment;
import java.time.Clock;
import java.time.Duration;

/** The contract suite's view: one orchestrator, the clock, advance and settle. */
final class ContractView implements ContractEnvironment {
  private final ClixLocalEnvironment env;
  private volatile GameOrchestrator orchestrator;

  private ContractView(ClixLocalEnvironment env) {
    this.env = env;
  }

  static ContractEnvironment of(ClixLocalEnvironment env) {
    return new ContractView(env);
  }

  @Override
  public synchronized GameOrchestrator orchestrator() {
    if (orchestrator == null) {
      orchestrator = env.orchestrator("contract");
    }
    return orchestrator;
  }

  @Override
  public java.util.Optional<GameOrchestrator> orchestratorWith(io.clix.core.GameLogic logic) {
    return java.util.Optional.of(env.orchestrator(b -> b.gameLogic(logic)));
  }

  @Override
  public Clock clock() {
    return env.clock();
  }

  @Override
  public void advance(Duration amount) {
    env.advance(amount);
  }

  @Override
  public void settle() {
    env.settle();
  }

  @Override
  public void close() {
    env.close();
  }
}
