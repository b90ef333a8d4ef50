package io.clix.testkit.internal;

import io.clix.core.GameAlreadyExistsException;
import io.clix.core.GameEvent;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameLogic;
import io.clix.core.GameSpec;
import io.clix.core.internal.GameEngine;
import io.clix.core.internal.GameListeners;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import io.clix.core.internal.GameTimers;
import io.clix.core.internal.Step;
import io.clix.core.internal.time.ClockScheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Games in a map: each game's state and events guarded by the game's monitor, its next timer (the
 * lobby timeout, a round's or a turn's deadline: {@link GameTimers#next}) armed on a {@link
 * ClockScheduler}. Every operation runs on the caller's thread
 * (or the thread advancing the clock) and returns a completed future; listeners are told under the
 * game's monitor, so in sequence order.
 */
public final class MemoryEngine implements GameEngine, AutoCloseable {

  private final Clock clock;
  private final ClockScheduler scheduler;
  private final GameListeners listeners;
  private final GameLogic logic;
  private final Map<String, Game> games = new ConcurrentHashMap<>();

  /** An engine on {@code clock}; its timers close rounds through {@code logic} (or none: null). */
  public MemoryEngine(Clock clock, GameListeners listeners, GameLogic logic) {
    this.clock = clock;
    this.listeners = listeners;
    this.logic = logic;
    this.scheduler = new ClockScheduler(clock, "clix-in-memory-timers", null);
  }

  /** One game: its state and its events, guarded by the game's monitor. */
  private static final class Game {
    GameState state;
    final List<GameEvent> events = new ArrayList<>();
    GameTimers.Timer armed;
    ClockScheduler.Timer timer;
  }

  @Override
  public CompletableFuture<GameState> create(String gameId, GameSpec spec) {
    return now(() -> {
      Game fresh = new Game();
      synchronized (fresh) {
        Game existing = games.putIfAbsent(gameId, fresh);
        if (existing != null) {
          synchronized (existing) {
            if (!existing.state.spec().equals(spec)) {
              throw new GameAlreadyExistsException("game " + gameId + " exists with a different spec", gameId);
            }
            return existing.state;
          }
        }
        apply(fresh, GameRules.create(gameId, spec, clock.instant()));
        return fresh.state;
      }
    });
  }

  @Override
  public CompletableFuture<Change> update(String gameId, Rule rule) {
    return now(() -> {
      Game game = find(gameId);
      synchronized (game) {
        GameState before = game.state;
        Step step = rule.apply(before, clock.instant());
        apply(game, step);
        return new Change(before, step);
      }
    });
  }

  @Override
  public CompletableFuture<GameState> observe(String gameId) {
    return now(() -> {
      Game game = find(gameId);
      synchronized (game) {
        return game.state;
      }
    });
  }

  @Override
  public CompletableFuture<List<GameEvent>> events(String gameId, long afterSequence) {
    return now(() -> {
      Game game = find(gameId);
      synchronized (game) {
        int from = (int) Math.max(0, Math.min(afterSequence, game.events.size()));
        return List.copyOf(game.events.subList(from, game.events.size()));
      }
    });
  }

  @Override
  public void close() {
    scheduler.close();
  }

  private static <T> CompletableFuture<T> now(java.util.function.Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Game find(String gameId) {
    Game game = games.get(gameId);
    if (game == null || game.state == null) {
      throw new GameNotFoundException("no game with id " + gameId, gameId);
    }
    return game;
  }

  /** Stores a step's state, appends its events, (re)arms the timer and tells the listeners. Holds the game's monitor. */
  private void apply(Game game, Step step) {
    game.state = step.state();
    game.events.addAll(step.events());
    arm(game);
    step.events().forEach(listeners::deliver);
  }

  /** Arms the state's next timer, unless it is the one armed already. */
  private void arm(Game game) {
    GameTimers.Timer next = GameTimers.next(game.state).orElse(null);
    if (java.util.Objects.equals(next, game.armed)) {
      return;
    }
    cancel(game.timer);
    game.armed = next;
    game.timer = null;
    if (next != null) {
      String gameId = game.state.gameId();
      game.timer = scheduler.schedule(next.at(),
          () -> timer(gameId, s -> GameTimers.fire(s, next.kind(), next.number(), clock.instant(), logic)));
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
