package io.clix.aws.internal.store;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.internal.GameListeners;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the events this orchestrator wrote (or folded) to the listeners, in sequence order per game
 * and without gaps: a write that started from version {@code base} first fetches any events up to
 * {@code base} that this instance has not delivered (written by another instance), then delivers
 * its own, through the front's {@link GameListeners}.
 */
public final class EventFeed implements GameStore.EventSink {

  private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

  private final GameListeners listeners;
  private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
  private volatile EventLog log;

  /** Where delivery of one game stands: the next sequence to deliver and the events held back. */
  private static final class Cursor {
    long next;
    final TreeMap<Long, GameEvent> held = new TreeMap<>();
  }

  public EventFeed(GameListeners listeners) {
    this.listeners = listeners;
  }

  /** The log to fill gaps from (set once the store exists). */
  public void fillFrom(EventLog log) {
    this.log = log;
  }

  @Override
  public CompletableFuture<Void> written(String gameId, long base, List<GameEvent> events) {
    if (listeners.isEmpty() || events.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    Cursor cursor = cursors.computeIfAbsent(gameId, id -> new Cursor());
    long missingFrom;
    synchronized (cursor) {
      if (cursor.next == 0) {
        cursor.next = base + 1;
      }
      events.forEach(e -> cursor.held.put(e.sequence(), e));
      missingFrom = cursor.next <= base ? cursor.next : 0;
    }
    EventLog source = log;
    if (missingFrom > 0 && source != null) {
      return source.after(gameId, missingFrom - 1, base).handle((gap, e) -> {
        if (e != null) {
          LOG.warn("could not read events {}..{} of game {} for the listeners; skipping them", missingFrom, base,
              gameId);
          skipTo(cursor, base + 1);
        } else {
          hold(cursor, gap);
        }
        drain(gameId, cursor);
        return null;
      });
    }
    drain(gameId, cursor);
    return CompletableFuture.completedFuture(null);
  }

  private static void hold(Cursor cursor, List<GameEvent> events) {
    synchronized (cursor) {
      events.forEach(e -> cursor.held.putIfAbsent(e.sequence(), e));
    }
  }

  private static void skipTo(Cursor cursor, long next) {
    synchronized (cursor) {
      cursor.next = Math.max(cursor.next, next);
    }
  }

  private void drain(String gameId, Cursor cursor) {
    synchronized (cursor) {
      cursor.held.headMap(cursor.next).clear();
      boolean ended = false;
      while (!cursor.held.isEmpty() && cursor.held.firstKey() == cursor.next) {
        GameEvent event = cursor.held.pollFirstEntry().getValue();
        cursor.next++;
        listeners.deliver(event);
        ended = event.type() == EventType.GAME_FINISHED || event.type() == EventType.GAME_CANCELLED
            || event.type() == EventType.RESULT_RECORDED;
      }
      if (ended && cursor.held.isEmpty()) {
        cursors.remove(gameId, cursor);
      }
    }
  }
}
