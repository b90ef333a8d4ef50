package io.clix.testkit;

import io.clix.core.GameLogic;
import io.clix.core.internal.GameFront;
import io.clix.core.internal.GameListeners;
import io.clix.testkit.internal.MemoryEngine;
import java.time.Clock;
import java.util.Objects;

/** The {@link InMemoryGameOrchestrator}: the shared front layer over the in-memory engine. */
final class MemoryGameOrchestrator extends GameFront implements InMemoryGameOrchestrator {

  private final MemoryEngine engine;
  private final GameLogic logic;

  private MemoryGameOrchestrator(MemoryEngine engine, GameListeners listeners, GameLogic logic) {
    super(engine, engine, listeners);
    this.engine = engine;
    this.logic = logic;
  }

  static MemoryGameOrchestrator create(Clock clock) {
    return create(clock, null);
  }

  static MemoryGameOrchestrator create(Clock clock, GameLogic logic) {
    Objects.requireNonNull(clock, "clock");
    GameListeners listeners = new GameListeners();
    return new MemoryGameOrchestrator(new MemoryEngine(clock, listeners, logic), listeners, logic);
  }

  @Override
  protected GameLogic gameLogic() {
    return logic;
  }

  @Override
  protected void release() {
    engine.close();
  }
}
