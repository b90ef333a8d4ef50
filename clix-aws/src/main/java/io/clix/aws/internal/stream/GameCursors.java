package io.clix.aws.internal.stream;

import io.clix.core.GameEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the events of each game in sequence order, once: an event at or below a game's cursor is a
 * duplicate (a stream redelivery, or one this instance already delivered from its own write) and is
 * counted and dropped; an event past a gap is held while the gap is read from the game's event
 * log. A game first seen mid-way starts at its first event committed since delivery began. At
 * most {@code bound} events are held per game: past that the held events are dropped and re-read
 * from the log when the gap is filled, so an overflow costs reads, never events.
 */
public final class GameCursors {

  private static final Logger LOG = LoggerFactory.getLogger(GameCursors.class);

  private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
  private final BiFunction<String, Long, List<GameEvent>> log;
  private final Consumer<GameEvent> deliver;
  private final int bound;
  private final Instant since;
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong overflows = new AtomicLong();

  private static final class Cursor {
    long next;
    final TreeMap<Long, GameEvent> held = new TreeMap<>();
  }

  /**
   * @param log reads a game's events after a sequence ({@code GameOrchestrator.events})
   * @param deliver receives each event once, in order per game
   * @param bound the most events held per game while a gap is filled
   * @param since when delivery began: a game first seen mid-way starts at its first event committed
   *     since then (read from the log), so an event another instance wrote just before this
   *     instance's own next write is not skipped
   */
  public GameCursors(BiFunction<String, Long, List<GameEvent>> log, Consumer<GameEvent> deliver, int bound,
      Instant since) {
    this.log = log;
    this.deliver = deliver;
    this.bound = bound;
    this.since = since;
  }

  /** Starts a game's delivery after {@code afterSequence} (a subscriber's catch-up point), if not started. */
  public void startAfter(String gameId, long afterSequence) {
    Cursor cursor = cursors.computeIfAbsent(gameId, id -> new Cursor());
    synchronized (cursor) {
      if (cursor.next == 0) {
        cursor.next = afterSequence + 1;
      }
    }
  }

  /**
   * Offers one event; delivers it and whatever it unblocks, or fills the gap before it from the log.
   *
   * @param fillGaps whether a gap before this event is read from the log now (stream events) or
   *     left to the stream (this instance's writes, which the stream brings after what precedes them)
   */
  public void offer(GameEvent event, boolean fillGaps) {
    Cursor cursor = cursors.computeIfAbsent(event.gameId(), id -> new Cursor());
    synchronized (cursor) {
      if (cursor.next == 0) {
        begin(cursor, event);
      }
      long at = event.sequence();
      if (at < cursor.next) {
        duplicates.incrementAndGet();
        return;
      }
      if (cursor.held.containsKey(at)) {
        duplicates.incrementAndGet(); // held already: this instance's write, ahead of the stream
      } else {
        if (cursor.held.size() >= bound) {
          overflows.incrementAndGet();
          LOG.warn("game {}: more than {} events wait for a gap; dropping them to re-read from the log",
              event.gameId(), bound);
          cursor.held.clear();
        }
        cursor.held.put(at, event);
      }
      drain(cursor);
      // Own writes held past a gap wait for the stream, which brings what was committed before them.
      // A stream event past the gap means the stream skipped events (trimmed, or first seen mid-way).
      if (fillGaps && cursor.next <= at) {
        for (GameEvent logged : log.apply(event.gameId(), cursor.next - 1)) {
          if (logged.sequence() >= cursor.next && logged.sequence() <= at) {
            cursor.held.putIfAbsent(logged.sequence(), logged);
          }
        }
        drain(cursor);
        if (cursor.next <= at) {
          // The log lacks the gap (not yet visible): deliver on, as the log is the source of truth.
          LOG.warn("game {}: events {}..{} are in neither the stream nor the log; skipping them", event.gameId(),
              cursor.next, cursor.held.firstKey() - 1);
          cursor.next = cursor.held.firstKey();
          drain(cursor);
        }
      }
    }
  }

  /**
   * Runs {@code action} with the next sequence to deliver of a started game while none of the
   * game's events is delivered (a new subscriber is given the events before it and joins the
   * listeners atomically); returns what {@code action} returns.
   */
  public <T> T holding(String gameId, LongFunction<T> action) {
    Cursor cursor = cursors.computeIfAbsent(gameId, id -> new Cursor());
    synchronized (cursor) {
      return action.apply(cursor.next);
    }
  }

  /** The next sequence to deliver of a game, or 0 when the game has not started. */
  public long next(String gameId) {
    Cursor cursor = cursors.get(gameId);
    if (cursor == null) {
      return 0;
    }
    synchronized (cursor) {
      return cursor.next;
    }
  }

  /** Events dropped as already delivered (stream redeliveries and this instance's own writes). */
  public long duplicates() {
    return duplicates.get();
  }

  /** Times a game's held events passed the bound and were dropped to be re-read. */
  public long overflows() {
    return overflows.get();
  }

  private void begin(Cursor cursor, GameEvent first) {
    cursor.next = first.sequence();
    if (first.sequence() == 1 || first.time().isBefore(since)) {
      return;
    }
    // Committed since delivery began, but not the game's first: the ones before it may be too.
    for (GameEvent logged : log.apply(first.gameId(), 0L)) {
      if (logged.sequence() < first.sequence() && !logged.time().isBefore(since)) {
        cursor.next = Math.min(cursor.next, logged.sequence());
        cursor.held.put(logged.sequence(), logged);
      }
    }
  }

  private void drain(Cursor cursor) {
    while (!cursor.held.isEmpty() && cursor.held.firstKey() == cursor.next) {
      GameEvent event = cursor.held.pollFirstEntry().getValue();
      cursor.next++;
      try {
        deliver.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("an event listener failed on event {} of game {}", event.sequence(), event.gameId(), e);
      }
    }
  }
}
