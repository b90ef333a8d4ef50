package io.clix.testkit;

import io.clix.core.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameAlreadyExistsException;
import io.clix.core.GameEvent;
import io.clix.core.GameEventListener;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import io.clix.core.OrchestratorClosedException;
import io.clix.core.Subscription;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import io.clix.core.internal.RequestRules;
import io.clix.core.internal.Step;
import io.clix.core.internal.time.ClockScheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete, thread-safe {@link GameOrchestrator} in memory, for tests of code that runs games.
 * It applies the same rules as the AWS orchestrator; its lobby timeouts and round deadlines run on
 * the clock it is given, so with a {@link ManualClock} they fire when the test advances time:
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.create();
 * try (GameOrchestrator games = InMemoryGameOrchestrator.create(clock)) {
 *   GameView game = games.createGame(GameSpec.builder().capacity(4).minPlayers(2).build());
 *   games.join(game.gameId(), "alice");
 *   clock.advance(game.spec().lobbyTimeout()); // below the minimum: cancelled, "lobby timeout"
 * }
 * }</pre>
 *
 * <p>Listeners are called on the thread that made the change (or advanced the clock), in sequence
 * order per game. The async methods complete before they return. After {@link #close()} every call
 * fails with {@link OrchestratorClosedException} and changes nothing.
 */
public final class InMemoryGameOrchestrator implements GameOrchestrator {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryGameOrchestrator.class);

  private final Clock clock;
  private final ClockScheduler scheduler;
  private final Map<String, Game> games = new ConcurrentHashMap<>();
  private final List<GameEventListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private InMemoryGameOrchestrator(Clock clock) {
    this.clock = clock;
    this.scheduler = new ClockScheduler(clock, "clix-in-memory-timers", null);
  }

  /** An orchestrator whose timers run on {@code clock} (a {@link ManualClock} in tests). */
  public static InMemoryGameOrchestrator create(Clock clock) {
    return new InMemoryGameOrchestrator(Objects.requireNonNull(clock, "clock"));
  }

  /** An orchestrator on the system clock. */
  public static InMemoryGameOrchestrator create() {
    return create(Clock.systemUTC());
  }

  /** One game: its state and its events, guarded by the game's monitor. */
  private static final class Game {
    GameState state;
    final List<GameEvent> events = new ArrayList<>();
    ClockScheduler.Timer lobbyTimer;
    ClockScheduler.Timer roundTimer;
  }

  @Override
  public GameView createGame(GameSpec spec) {
    open(null);
    Objects.requireNonNull(spec, "spec");
    String gameId = spec.gameId().orElseGet(() -> "g" + UUID.randomUUID().toString().replace("-", ""));
    // A copy, id filled in: the caller may still change the metadata node it built the spec with.
    GameSpec withId = GameSpec.builder().from(spec).gameId(gameId).metadata(spec.metadata().deepCopy()).build();
    Game fresh = new Game();
    synchronized (fresh) {
      Game existing = games.putIfAbsent(gameId, fresh);
      if (existing != null) {
        synchronized (existing) {
          if (!existing.state.spec().equals(withId)) {
            throw new GameAlreadyExistsException("game " + gameId + " exists with a different spec", gameId);
          }
          return detached(existing.state.toView());
        }
      }
      apply(fresh, GameRules.create(gameId, withId, clock.instant()));
      return detached(fresh.state.toView());
    }
  }

  @Override
  public JoinResult join(String gameId, String playerId, JsonNode playerData) {
    RequestRules.gameId(gameId);
    RequestRules.playerId(gameId, playerId);
    RequestRules.playerData(gameId, playerData);
    JsonNode data = playerData == null ? null : playerData.deepCopy();
    GameState state = update(gameId, s -> GameRules.join(s, playerId, data, clock.instant()));
    return JoinResult.builder().playerId(playerId).seat(state.seat(playerId).orElseThrow().seat())
        .game(detached(state.toView())).build();
  }

  @Override
  public GameView leave(String gameId, String playerId) {
    RequestRules.gameId(gameId);
    RequestRules.playerId(gameId, playerId);
    return detached(update(gameId, s -> GameRules.leave(s, playerId, clock.instant())).toView());
  }

  @Override
  public GameView startNow(String gameId) {
    RequestRules.gameId(gameId);
    return detached(update(gameId, s -> GameRules.startNow(s, clock.instant())).toView());
  }

  @Override
  public MoveReceipt submitMove(String gameId, String playerId, int round, JsonNode move) {
    RequestRules.gameId(gameId);
    RequestRules.playerId(gameId, playerId);
    RequestRules.move(gameId, round, move);
    JsonNode copy = move.deepCopy();
    MoveReceipt[] receipt = new MoveReceipt[1];
    update(gameId, s -> {
      Step step = GameRules.move(s, playerId, round, copy, clock.instant());
      receipt[0] = receiptOf(s, step, playerId, round, copy);
      return step;
    });
    return detached(receipt[0], MoveReceipt.class);
  }

  private static MoveReceipt receiptOf(GameState before, Step step, String playerId, int round, JsonNode move) {
    if (step.unchanged()) {
      return before.receipt(playerId);
    }
    GameEvent accepted = step.events().stream()
        .filter(e -> e.type() == EventType.MOVE_ACCEPTED).findFirst().orElseThrow();
    return MoveReceipt.builder().gameId(before.gameId()).playerId(playerId).round(round)
        .move(ClixJson.canonical(move))
        .acceptedAt(accepted.time()).sequence(accepted.sequence()).build();
  }

  @Override
  public GameView finish(String gameId, JsonNode result) {
    RequestRules.gameId(gameId);
    RequestRules.result(gameId, result);
    JsonNode copy = result == null ? null : result.deepCopy();
    return detached(update(gameId, s -> GameRules.finish(s, copy, clock.instant())).toView());
  }

  @Override
  public GameView cancel(String gameId, String reason) {
    RequestRules.gameId(gameId);
    RequestRules.reason(gameId, reason);
    return detached(update(gameId, s -> GameRules.cancel(s, reason, clock.instant())).toView());
  }

  @Override
  public GameView describe(String gameId) {
    RequestRules.gameId(gameId);
    Game game = find(gameId);
    GameView view;
    synchronized (game) {
      view = game.state.toView();
    }
    return detached(view);
  }

  @Override
  public List<GameEvent> events(String gameId, long afterSequence) {
    RequestRules.gameId(gameId);
    Game game = find(gameId);
    synchronized (game) {
      int from = (int) Math.max(0, Math.min(afterSequence, game.events.size()));
      return game.events.subList(from, game.events.size()).stream().map(InMemoryGameOrchestrator::detached)
          .collect(Collectors.toUnmodifiableList());
    }
  }

  @Override
  public Subscription addListener(GameEventListener listener) {
    open(null);
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    closed = true;
    scheduler.close();
  }

  // ---- async twins: the work is in memory, so they complete before returning

  @Override
  public CompletableFuture<GameView> createGameAsync(GameSpec spec) {
    return async(() -> createGame(spec));
  }

  @Override
  public CompletableFuture<JoinResult> joinAsync(String gameId, String playerId, JsonNode playerData) {
    return async(() -> join(gameId, playerId, playerData));
  }

  @Override
  public CompletableFuture<GameView> leaveAsync(String gameId, String playerId) {
    return async(() -> leave(gameId, playerId));
  }

  @Override
  public CompletableFuture<GameView> startNowAsync(String gameId) {
    return async(() -> startNow(gameId));
  }

  @Override
  public CompletableFuture<MoveReceipt> submitMoveAsync(String gameId, String playerId, int round, JsonNode move) {
    return async(() -> submitMove(gameId, playerId, round, move));
  }

  @Override
  public CompletableFuture<GameView> finishAsync(String gameId, JsonNode result) {
    return async(() -> finish(gameId, result));
  }

  @Override
  public CompletableFuture<GameView> cancelAsync(String gameId, String reason) {
    return async(() -> cancel(gameId, reason));
  }

  @Override
  public CompletableFuture<GameView> describeAsync(String gameId) {
    return async(() -> describe(gameId));
  }

  @Override
  public CompletableFuture<List<GameEvent>> eventsAsync(String gameId, long afterSequence) {
    return async(() -> events(gameId, afterSequence));
  }

  private static <T> CompletableFuture<T> async(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  // ---- copies: callers and listeners get values that share no mutable JSON with the stored game

  private static GameView detached(GameView view) {
    return detached(view, GameView.class);
  }

  private static GameEvent detached(GameEvent event) {
    return GameEvent.builder().from(event).data(event.data().deepCopy()).build();
  }

  private static <T> T detached(T value, Class<T> type) {
    return ClixJson.mapper().convertValue(value, type);
  }

  // ---- state changes

  /** Refuses every call after {@link #close()}, before anything is read or written. */
  private void open(String gameId) {
    if (closed) {
      throw new OrchestratorClosedException("the orchestrator is closed", gameId);
    }
  }

  private Game find(String gameId) {
    open(gameId);
    Game game = games.get(gameId);
    if (game == null || game.state == null) {
      throw new GameNotFoundException("no game with id " + gameId, gameId);
    }
    return game;
  }

  private GameState update(String gameId, Function<GameState, Step> rule) {
    Game game = find(gameId);
    synchronized (game) {
      apply(game, rule.apply(game.state));
      return game.state;
    }
  }

  /** Stores a step's state, appends its events, (re)arms the timers and tells the listeners. Holds the game's monitor. */
  private void apply(Game game, Step step) {
    game.state = step.state();
    for (GameEvent event : step.events()) {
      game.events.add(event);
      arm(game, event);
    }
    for (GameEvent event : step.events()) {
      for (GameEventListener listener : listeners) {
        try {
          listener.onEvent(detached(event));
        } catch (RuntimeException e) {
          LOG.warn("game event listener failed on {} #{}", event.gameId(), event.sequence(), e);
        }
      }
    }
  }

  private void arm(Game game, GameEvent event) {
    String gameId = event.gameId();
    switch (event.type()) {
      case GAME_CREATED:
        game.lobbyTimer = scheduler.schedule(game.state.lobbyDeadline(),
            () -> timer(gameId, s -> GameRules.lobbyTimeout(s, clock.instant())));
        break;
      case GAME_STARTED:
      case GAME_CANCELLED:
      case GAME_FINISHED:
        cancel(game.lobbyTimer);
        cancel(game.roundTimer);
        break;
      case ROUND_OPENED:
        cancel(game.roundTimer);
        int round = event.round().orElseThrow();
        game.roundTimer = scheduler.schedule(java.time.Instant.parse(event.data().path("deadline").asText()),
            () -> timer(gameId, s -> GameRules.roundDeadline(s, round, clock.instant())));
        break;
      default:
        break;
    }
  }

  private void timer(String gameId, Function<GameState, Step> rule) {
    Game game = games.get(gameId);
    if (game != null) {
      synchronized (game) {
        apply(game, rule.apply(game.state));
      }
    }
  }

  private static void cancel(ClockScheduler.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
