package io.clix.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameEventListener;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import io.clix.core.Limits;
import io.clix.core.MoveReceipt;
import io.clix.core.OrchestratorClosedException;
import io.clix.core.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The part of every {@link GameOrchestrator} that does not depend on where games live: argument
 * checks ({@link Limits}), copies of the caller's JSON, generated game ids, the rules applied
 * ({@link GameRules}), receipts, listener registration and the sync/async adapter. Subclasses give
 * a {@link GameEngine} for the sync methods and one for the {@code ...Async} methods (the same
 * one if they like).
 *
 * <p>An {@code ...Async} method never throws: a bad argument fails its future. A sync method throws
 * the {@link io.clix.core.ClixException} its twin's future would complete with, unwrapped. After
 * {@link #close()} every call (a subclass's own too, if it goes through {@link #start}) is refused
 * with {@link OrchestratorClosedException} before its arguments are checked or anything is read or
 * written.
 */
public abstract class GameFront implements GameOrchestrator {

  private final GameEngine syncEngine;
  private final GameEngine asyncEngine;
  private final GameListeners listeners;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final FrontHook hook;

  protected GameFront(GameEngine syncEngine, GameEngine asyncEngine, GameListeners listeners) {
    this(syncEngine, asyncEngine, listeners, FrontHook.NONE);
  }

  /** The same, with every public call reported to {@code hook} (metrics, tracing). */
  protected GameFront(GameEngine syncEngine, GameEngine asyncEngine, GameListeners listeners, FrontHook hook) {
    this.syncEngine = Objects.requireNonNull(syncEngine, "syncEngine");
    this.asyncEngine = Objects.requireNonNull(asyncEngine, "asyncEngine");
    this.listeners = Objects.requireNonNull(listeners, "listeners");
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  // ---- the sync methods: the async twins' futures, awaited

  @Override
  public final GameView createGame(GameSpec spec) {
    return sync(observed("createGame", idOf(spec), () -> createGame(spec, syncEngine)));
  }

  @Override
  public final JoinResult join(String gameId, String playerId, JsonNode playerData) {
    return sync(observed("join", gameId, () -> join(gameId, playerId, playerData, syncEngine)));
  }

  @Override
  public final GameView leave(String gameId, String playerId) {
    return sync(observed("leave", gameId, () -> leave(gameId, playerId, syncEngine)));
  }

  @Override
  public final MoveReceipt submitMove(String gameId, String playerId, int round, JsonNode move) {
    return sync(observed("submitMove", gameId, () -> submitMove(gameId, playerId, round, move, syncEngine)));
  }

  @Override
  public final GameView startNow(String gameId) {
    return sync(observed("startNow", gameId, () -> startNow(gameId, syncEngine)));
  }

  @Override
  public final GameView finish(String gameId, JsonNode result) {
    return sync(observed("finish", gameId, () -> finish(gameId, result, syncEngine)));
  }

  @Override
  public final List<GameEvent> events(String gameId, long afterSequence) {
    return sync(observed("events", gameId, () -> events(gameId, afterSequence, syncEngine)));
  }

  @Override
  public final GameView describe(String gameId) {
    return sync(observed("describe", gameId, () -> describe(gameId, syncEngine)));
  }

  @Override
  public final GameView cancel(String gameId, String reason) {
    return sync(observed("cancel", gameId, () -> cancel(gameId, reason, syncEngine)));
  }

  // ---- the async methods

  @Override
  public final CompletableFuture<GameView> createGameAsync(GameSpec spec) {
    return observed("createGameAsync", idOf(spec), () -> createGame(spec, asyncEngine));
  }

  @Override
  public final CompletableFuture<JoinResult> joinAsync(String gameId, String playerId, JsonNode playerData) {
    return observed("joinAsync", gameId, () -> join(gameId, playerId, playerData, asyncEngine));
  }

  @Override
  public final CompletableFuture<GameView> leaveAsync(String gameId, String playerId) {
    return observed("leaveAsync", gameId, () -> leave(gameId, playerId, asyncEngine));
  }

  @Override
  public final CompletableFuture<MoveReceipt> submitMoveAsync(String gameId, String playerId, int round,
      JsonNode move) {
    return observed("submitMoveAsync", gameId, () -> submitMove(gameId, playerId, round, move, asyncEngine));
  }

  @Override
  public final CompletableFuture<GameView> startNowAsync(String gameId) {
    return observed("startNowAsync", gameId, () -> startNow(gameId, asyncEngine));
  }

  @Override
  public final CompletableFuture<GameView> finishAsync(String gameId, JsonNode result) {
    return observed("finishAsync", gameId, () -> finish(gameId, result, asyncEngine));
  }

  @Override
  public final CompletableFuture<List<GameEvent>> eventsAsync(String gameId, long afterSequence) {
    return observed("eventsAsync", gameId, () -> events(gameId, afterSequence, asyncEngine));
  }

  @Override
  public final CompletableFuture<GameView> describeAsync(String gameId) {
    return observed("describeAsync", gameId, () -> describe(gameId, asyncEngine));
  }

  @Override
  public final CompletableFuture<GameView> cancelAsync(String gameId, String reason) {
    return observed("cancelAsync", gameId, () -> cancel(gameId, reason, asyncEngine));
  }

  @Override
  public final Subscription addListener(GameEventListener listener) {
    refuseIfClosed();
    return listeners.add(listener);
  }

  /**
   * Refuses every later call with {@link OrchestratorClosedException}, then releases the
   * orchestrator's resources ({@link #release()}, once); the clients passed in stay open.
   */
  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      release();
    }
  }

  /** The game logic registered on the orchestrator's builder, or null: moves and leaves go through it. */
  protected io.clix.core.GameLogic gameLogic() {
    return null;
  }

  /** Releases what the subclass holds (timers, pollers); called once, by the first {@link #close()}. */
  protected abstract void release();

  // ---- each operation once: checks and copies on the caller's thread, then the engine

  private CompletableFuture<GameView> createGame(GameSpec spec, GameEngine engine) {
    return start(() -> {
      GameSpec checked = GameRules.spec(spec);
      String gameId = checked.gameId().orElseGet(() -> "g" + UUID.randomUUID().toString().replace("-", ""));
      return engine.create(gameId, checked.toBuilder().gameId(gameId).build()).thenApply(GameState::toView);
    });
  }

  private CompletableFuture<JoinResult> join(String gameId, String playerId, JsonNode playerData,
      GameEngine engine) {
    return start(() -> {
      Limits.checkPlayerId(Limits.checkGameId(gameId), playerId);
      Limits.checkPlayerData(gameId, playerData);
      JsonNode data = playerData == null ? null : playerData.deepCopy();
      return engine.update(gameId, (s, now) -> GameRules.join(s, playerId, data, now))
          .thenApply(c -> JoinResult.builder().playerId(playerId).seat(c.after().seat(playerId).orElseThrow().seat())
              .game(c.after().toView()).build());
    });
  }

  private CompletableFuture<GameView> leave(String gameId, String playerId, GameEngine engine) {
    return start(() -> change(engine, Limits.checkGameId(gameId), Limits.checkPlayerId(gameId, playerId),
        (s, p, now) -> GameRules.leave(s, p, now, gameLogic())));
  }

  private CompletableFuture<MoveReceipt> submitMove(String gameId, String playerId, int round, JsonNode move,
      GameEngine engine) {
    return start(() -> {
      Limits.checkPlayerId(Limits.checkGameId(gameId), playerId);
      Limits.checkMove(gameId, round, move);
      JsonNode copy = move.deepCopy();
      return engine.update(gameId, (s, now) -> GameRules.move(s, playerId, round, copy, now, gameLogic()))
          .thenApply(c -> receipt(c, playerId, round, copy));
    });
  }

  /** The receipt of the move a change accepted, or of the same move accepted before (its retry). */
  private static MoveReceipt receipt(GameEngine.Change change, String playerId, int round, JsonNode move) {
    if (change.step().unchanged()) {
      return change.before().receipt(playerId, round, move);
    }
    GameEvent accepted = change.step().events().stream()
        .filter(e -> e.type() == EventType.MOVE_ACCEPTED).findFirst().orElseThrow();
    return MoveReceipt.builder().gameId(change.before().gameId()).playerId(playerId).round(round)
        .move(ClixJson.canonical(move)).acceptedAt(accepted.time()).sequence(accepted.sequence()).build();
  }

  private CompletableFuture<GameView> startNow(String gameId, GameEngine engine) {
    return start(() -> view(engine.update(Limits.checkGameId(gameId), GameRules::startNow)));
  }

  private CompletableFuture<GameView> finish(String gameId, JsonNode result, GameEngine engine) {
    return start(() -> {
      Limits.checkResult(Limits.checkGameId(gameId), result);
      return change(engine, gameId, result == null ? null : result.deepCopy(), GameRules::finish);
    });
  }

  private CompletableFuture<List<GameEvent>> events(String gameId, long afterSequence, GameEngine engine) {
    return start(() -> engine.events(Limits.checkGameId(gameId), afterSequence));
  }

  private CompletableFuture<GameView> describe(String gameId, GameEngine engine) {
    return start(() -> engine.observe(Limits.checkGameId(gameId)).thenApply(GameState::toView));
  }

  private CompletableFuture<GameView> cancel(String gameId, String reason, GameEngine engine) {
    return start(() -> change(engine, Limits.checkGameId(gameId), Limits.checkReason(gameId, reason),
        GameRules::cancel));
  }

  private static CompletableFuture<GameView> view(CompletableFuture<GameEngine.Change> change) {
    return change.thenApply(c -> c.after().toView());
  }

  /** A rule of one checked argument besides the state and the time. */
  private interface RuleWith<A> {
    Step apply(GameState state, A argument, Instant now);
  }

  private static <A> CompletableFuture<GameView> change(GameEngine engine, String gameId, A argument,
      RuleWith<A> rule) {
    return view(engine.update(gameId, (s, now) -> rule.apply(s, argument, now)));
  }

  // ---- the sync/async adapter, for these methods and a subclass's own

  /** The engine behind the sync methods. */
  protected final GameEngine syncEngine() {
    return syncEngine;
  }

  /** The engine behind the {@code ...Async} methods. */
  protected final GameEngine asyncEngine() {
    return asyncEngine;
  }

  /**
   * Runs {@code body} unless the orchestrator is closed; whatever it throws on the caller's thread
   * (an {@link OrchestratorClosedException} first of all) fails the returned future instead.
   */
  protected final <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> body) {
    try {
      refuseIfClosed();
      return body.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void refuseIfClosed() {
    if (closed.get()) {
      throw new OrchestratorClosedException("the orchestrator is closed", null);
    }
  }

  /**
   * Runs {@code body} as {@link #start} does, reported to the hook as one call of {@code method}
   * on {@code gameId}; returns the body's own future.
   */
  protected final <T> CompletableFuture<T> observed(String method, String gameId,
      Supplier<CompletableFuture<T>> body) {
    if (hook == FrontHook.NONE) {
      return start(body);
    }
    FrontHook.Call call = hook.begin(method, gameId);
    CompletableFuture<T> future;
    try (FrontHook.Scope scope = call.enter()) {
      future = start(body);
    }
    future.whenComplete((r, e) -> call.end(e == null ? null : unwrapped(e)));
    return future;
  }

  private static String idOf(GameSpec spec) {
    return spec == null ? null : spec.gameId().orElse(null);
  }

  private static Throwable unwrapped(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** Waits for {@code future}; throws the exception it failed with, unwrapped. */
  protected static <T> T sync(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw rethrown(e);
    }
  }

  private static RuntimeException rethrown(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof RuntimeException) {
      return (RuntimeException) e;
    }
    if (e instanceof Error) {
      throw (Error) e;
    }
    return new CompletionException(e);
  }
}
