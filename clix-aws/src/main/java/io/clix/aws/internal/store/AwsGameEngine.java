package io.clix.aws.internal.store;

import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.core.GameAlreadyExistsException;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.internal.GameEngine;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Games on AWS as one pipeline of futures over one {@link AwsCalls} (the sync or the async
 * clients): the clix-core {@link GameRules} applied through the {@link GameStore}, a game's
 * Step Functions execution started with it ({@link Executions}), its events read from the
 * {@link EventLog}. Arguments are checked by the front.
 */
public final class AwsGameEngine implements GameEngine {

  private final GameStore store;
  private final EventLog log;
  private final Executions executions;
  private final TaskFiling filing;
  private final Clock clock;

  public AwsGameEngine(AwsCalls calls, String table, String stateMachineArn, Clock clock, Duration retention,
      EventFeed feed, RecentGames recent, io.clix.core.GameLogic logic) {
    this.store = new GameStore(calls, table, clock, retention, feed, recent, logic);
    this.log = new EventLog(calls, table);
    this.executions = new Executions(calls, stateMachineArn);
    this.filing = new TaskFiling(store);
    this.clock = clock;
  }

  public GameStore store() {
    return store;
  }

  public EventLog log() {
    return log;
  }

  public TaskFiling filing() {
    return filing;
  }

  /** Writes the game (or finds it) and starts its execution idempotently. */
  @Override
  public CompletableFuture<GameState> create(String gameId, GameSpec spec) {
    return store.create(gameId, spec).thenCompose(created -> {
      GameState s = created.state();
      if (!created.fresh() && s.status().isEnded()) {
        return CompletableFuture.completedFuture(s);
      }
      return executions.start(gameId, s.spec()).exceptionallyCompose(e -> {
        Throwable cause = AwsErrors.unwrap(e);
        if (cause instanceof Executions.RefusedStart && created.fresh()) {
          RuntimeException error = ((Executions.RefusedStart) cause).error();
          return store.undoCreate(gameId).handle((v, undoError) -> {
            throw error;
          });
        }
        if (cause instanceof Executions.RefusedStart) {
          return CompletableFuture.failedFuture(((Executions.RefusedStart) cause).error());
        }
        return CompletableFuture.failedFuture(cause);
      }).thenCompose(started -> {
        if (started == Executions.Started.NAME_TAKEN && created.fresh()) {
          return store.undoCreate(gameId).thenApply(v -> {
            throw new GameAlreadyExistsException("game id " + gameId
                + " was used by an earlier game (its execution name is taken); choose another id", gameId);
          });
        }
        return CompletableFuture.completedFuture(s);
      });
    });
  }

  @Override
  public CompletableFuture<Change> update(String gameId, Rule rule) {
    return store.update(gameId, s -> rule.apply(s, clock.instant())).thenApply(o -> new Change(o.before(), o.step()));
  }

  @Override
  public CompletableFuture<GameState> observe(String gameId) {
    return store.observe(gameId).thenApply(GameStore.Outcome::after);
  }

  @Override
  public CompletableFuture<List<GameEvent>> events(String gameId, long afterSequence) {
    return store.observe(gameId).thenCompose(o -> log.after(gameId, afterSequence, -1));
  }
}
