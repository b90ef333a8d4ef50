package io.clix.aws.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * One backend instance's bounded cache of the game items it last read or wrote, so a join or move
 * writes at once, conditional on the version it saw, instead of reading first. Never trusted for an
 * answer: a write conditional on a cached version that another instance (or the state machine's
 * timer markers) moved on fails and is retried from a fresh read, and the store re-reads before any
 * outcome that writes nothing (a refusal, an idempotent repeat). Beside an item it keeps the task
 * token this instance filed for the game's current waiting point, if any, so the write that moves the
 * game off that point can complete the wait without reading the token back. Caffeine, maintained on
 * the calling thread (no threads of its own); entries hold no lock and are replaced, never changed.
 */
public final class RecentGames {

  /** Games remembered per instance by default: a few KB each. */
  public static final int DEFAULT_SIZE = 1_024;

  /** A remembered game item and the token this instance filed for its current point, if any. */
  record Seen(GameItem item, Held held) {}

  /** A task token this instance filed, and the point it waits at; never printed. */
  record Held(String point, String token) {
    @Override
    public String toString() {
      return "Held[point=" + point + "]";
    }
  }

  private final Cache<String, Seen> games;

  public RecentGames(int size) {
    this.games = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
  }

  Optional<Seen> get(String gameId) {
    return Optional.ofNullable(games.getIfPresent(gameId));
  }

  /**
   * Remembers the item as this instance last saw it (unless a newer one is remembered); a held
   * token stays only while the game is still at its point.
   */
  void saw(String gameId, GameItem item) {
    games.asMap().compute(gameId, (id, old) -> {
      if (old != null && isNewer(old.item(), item)) {
        return old;
      }
      Held held = old == null ? null : old.held();
      if (held != null && !held.point().equals(WaitPoint.current(item.state()))) {
        held = null;
      }
      return new Seen(item, held);
    });
  }

  private static boolean isNewer(GameItem a, GameItem b) {
    long va = a.state().version();
    long vb = b.state().version();
    return va > vb || va == vb && a.fired().size() > b.fired().size();
  }

  /** Remembers a token this instance stored for {@code point}, if the remembered game is there. */
  void hold(String gameId, String point, String token) {
    games.asMap().computeIfPresent(gameId, (id, old) -> WaitPoint.current(old.item().state()).equals(point)
        ? new Seen(old.item(), new Held(point, token)) : old);
  }

  /** Forgets the game: the next change reads it afresh. */
  void forget(String gameId) {
    games.invalidate(gameId);
  }

  /** How many games are remembered now (for tests). */
  long size() {
    games.cleanUp();
    return games.estimatedSize();
  }
}
