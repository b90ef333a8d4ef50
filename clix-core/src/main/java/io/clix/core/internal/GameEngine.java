package io.clix.core.internal;

import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where games live, as seen by {@link GameFront}: the one thing that differs between orchestrators
 * (a map in memory, a DynamoDB table and Step Functions executions). Arguments arrive checked and
 * copied; every operation reports failure through its future (typed {@link io.clix.core.ClixException}s),
 * and hands every event it stores to the {@link GameListeners} it was built with.
 */
public interface GameEngine {

  /** A rule applied to a game's current state at the engine's current time. */
  @FunctionalInterface
  interface Rule {
    Step apply(GameState state, Instant now);
  }

  /**
   * Creates the game (its spec carries {@code gameId}), or returns the existing one with an equal
   * spec; fails with {@link io.clix.core.GameAlreadyExistsException} for another spec.
   */
  CompletableFuture<GameState> create(String gameId, GameSpec spec);

  /** Applies {@code rule} to the game's state and stores the result; fails if the rule refuses. */
  CompletableFuture<Change> update(String gameId, Rule rule);

  /** The game as it stands now (due timers applied). */
  CompletableFuture<GameState> observe(String gameId);

  /** The game's events above {@code afterSequence}, in order. */
  CompletableFuture<List<GameEvent>> events(String gameId, long afterSequence);

  /**
   * What an update did.
   *
   * @param before the state the rule saw
   * @param step what the rule did to it
   */
  record Change(GameState before, Step step) {
    public GameState after() {
      return step.state();
    }
  }
}
