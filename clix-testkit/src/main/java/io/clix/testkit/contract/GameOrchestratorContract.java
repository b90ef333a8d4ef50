package io.clix.testkit.contract;

import io.clix.core.GameOrchestrator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour every {@link GameOrchestrator} promises, as a JUnit 5 suite: extend this class,
 * return a fresh {@link ContractEnvironment} from {@link #createEnvironment()}, and every rule of
 * the lobby, the rounds, the turns of a TURNS game, the miss policies, a game logic's checks (where the
 * environment offers {@link ContractEnvironment#orchestratorWith}), the ends, the events, what views and events disclose, the isolation of
 * JSON values, the listeners, the async twins, concurrent use, retries of calls that landed and
 * the result of a game that ended by itself is checked against your
 * orchestrator (the parts are the {@link ContractPart} interfaces beside it). Clix runs it on
 * {@link io.clix.testkit.InMemoryGameOrchestrator} and on the AWS orchestrator; the tests only move time through
 * {@link ContractEnvironment#advance}.
 *
 * <pre>{@code
 * class InMemoryContractTest extends GameOrchestratorContract {
 *   protected ContractEnvironment createEnvironment() {
 *     ManualClock clock = ManualClock.create();
 *     return ContractEnvironment.of(InMemoryGameOrchestrator.create(clock), clock);
 *   }
 * }
 * }</pre>
 */
public abstract class GameOrchestratorContract implements CreateContract, LobbyContract, LeaveContract,
    TimeoutContract, RoundContract, EndingContract, EventContract, DisclosureContract, ValueContract, ExactValueContract,
    BadJsonContract, ListenerContract, AsyncContract,
    ConcurrencyContract, RetryContract, ResultContract, TurnContract, MissContract, LogicContract {

  private ContractEnvironment environment;

  /** A fresh environment for one test: a new orchestrator and a clock no other test moves. */
  protected abstract ContractEnvironment createEnvironment() throws Exception;

  @Override
  public final ContractEnvironment environment() {
    if (environment == null) {
      throw new IllegalStateException("no environment: the contract opens one before each test");
    }
    return environment;
  }

  /** Opens the test's environment; runs before each test. */
  @BeforeEach
  protected final void openEnvironment() throws Exception {
    environment = createEnvironment();
    if (environment == null) {
      throw new IllegalStateException("createEnvironment() returned null");
    }
  }

  /** Closes the test's environment; runs after each test, whatever its outcome. */
  @AfterEach
  protected final void closeEnvironment() {
    ContractEnvironment opened = environment;
    environment = null;
    if (opened != null) {
      opened.close();
    }
  }
}
