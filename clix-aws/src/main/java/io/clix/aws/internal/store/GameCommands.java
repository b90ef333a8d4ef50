package io.clix.aws.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.aws.internal.router.TaskFiling;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameAlreadyExistsException;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import io.clix.core.internal.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The orchestrator's operations as one pipeline of futures over one {@link AwsCalls} (the sync or
 * the async clients): each applies the clix-core {@link GameRules} through the {@link GameStore}.
 * Arguments are checked by the caller.
 */
public final class GameCommands {

  private final GameStore store;
  private final EventLog log;
  private final Executions executions;
  private final TaskFiling filing;
  private final Clock clock;

  public GameCommands(AwsCalls calls, String table, String stateMachineArn, Clock clock, Duration retention,
      EventFeed feed) {
    this.store = new GameStore(calls, table, clock, retention, feed);
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
  public CompletableFuture<GameView> create(String gameId, GameSpec spec) {
    return store.create(gameId, spec).thenCompose(created -> {
      GameState s = created.state();
      if (!created.fresh() && s.status().isEnded()) {
        return CompletableFuture.completedFuture(s.toView());
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
        return CompletableFuture.completedFuture(s.toView());
      });
    });
  }

  public CompletableFuture<JoinResult> join(String gameId, String playerId, JsonNode data) {
    return store.update(gameId, s -> GameRules.join(s, playerId, data, clock.instant()))
        .thenApply(o -> JoinResult.builder().playerId(playerId)
            .seat(o.after().seat(playerId).orElseThrow().seat()).game(o.after().toView()).build());
  }

  public CompletableFuture<GameView> leave(String gameId, String playerId) {
    return view(store.update(gameId, s -> GameRules.leave(s, playerId, clock.instant())));
  }

  public CompletableFuture<GameView> startNow(String gameId) {
    return view(store.update(gameId, s -> GameRules.startNow(s, clock.instant())));
  }

  public CompletableFuture<MoveReceipt> submitMove(String gameId, String playerId, int round, JsonNode move) {
    return store.update(gameId, s -> GameRules.move(s, playerId, round, move, clock.instant()))
        .thenApply(o -> receipt(o, playerId, round, move));
  }

  private static MoveReceipt receipt(GameStore.Outcome o, String playerId, int round, JsonNode move) {
    Step step = o.step();
    if (step.unchanged()) {
      return o.before().receipt(playerId);
    }
    GameEvent accepted = step.events().stream()
        .filter(e -> e.type() == EventType.MOVE_ACCEPTED).findFirst().orElseThrow();
    return MoveReceipt.builder().gameId(o.before().gameId()).playerId(playerId).round(round)
        .move(ClixJson.canonical(move))
        .acceptedAt(accepted.time()).sequence(accepted.sequence()).build();
  }

  public CompletableFuture<GameView> finish(String gameId, JsonNode result) {
    return view(store.update(gameId, s -> GameRules.finish(s, result, clock.instant())));
  }

  public CompletableFuture<GameView> cancel(String gameId, String reason) {
    return view(store.update(gameId, s -> GameRules.cancel(s, reason, clock.instant())));
  }

  public CompletableFuture<GameView> describe(String gameId) {
    return view(store.observe(gameId));
  }

  public CompletableFuture<List<GameEvent>> events(String gameId, long after) {
    return store.observe(gameId).thenCompose(o -> log.after(gameId, after, -1));
  }

  private static CompletableFuture<GameView> view(CompletableFuture<GameStore.Outcome> outcome) {
    return outcome.thenApply(o -> o.after().toView());
  }
}
