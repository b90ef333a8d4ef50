package io.clix.testkit;

import io.clix.core.internal.GameFront;
import io.clix.core.internal.GameListeners;
import io.clix.testkit.internal.MemoryEngine;
import java.time.Clock;
import java.util.Objects;

/** The {@link InMemoryGameOrchestrator}: the shared front layer over the in-memory engine. */
final class MemoryGameOrchestrator extends GameFront implements InMemoryGameOrchestrator {

  private final MemoryEngine engine;

  private MemoryGameOrchestrator(MemoryEngine engine, GameListeners listeners) {
    super(engine, engine, listeners);
    this.engine = engine;
  }

  static MemoryGameOrchestrator create(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    GameListeners listeners = new GameListeners();
    return new MemoryGameOrchestrator(new MemoryEngine(clock, listeners), listeners);
  }

  @Override
  protected void release() {
    engine.close();
  }
}
