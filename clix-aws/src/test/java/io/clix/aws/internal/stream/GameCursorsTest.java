package io.clix.aws.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Per-game order from two sources (this instance's writes and the stream), with the log filling gaps. */
class GameCursorsTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final List<GameEvent> log = new ArrayList<>();
  private final List<Long> delivered = new ArrayList<>();
  private int logReads;
  private final GameCursors cursors = new GameCursors((game, after) -> {
    logReads++;
    return log.stream().filter(e -> e.sequence() > after).collect(Collectors.toList());
  }, e -> delivered.add(e.sequence()), 100, START);

  @Test
  void anOwnWriteAheadOfTheStreamWaitsForItWithoutReadingTheLog() {
    commit(5);
    cursors.offer(log.get(0), true);
    cursors.offer(log.get(1), true);
    cursors.offer(log.get(3), false); // this instance wrote 4 before the stream brought 3
    assertThat(delivered).containsExactly(1L, 2L);
    cursors.offer(log.get(2), true);
    cursors.offer(log.get(3), true);
    cursors.offer(log.get(4), true);
    assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(logReads).isZero();
    assertThat(cursors.duplicates()).isEqualTo(1);
  }

  @Test
  void aGameFirstSeenMidWayStartsAtItsFirstEventSinceTheStart() {
    log.add(event(1, START.minusSeconds(10)));
    log.add(event(2, START));
    log.add(event(3, START.plusSeconds(1)));
    cursors.offer(log.get(2), false); // another instance wrote 2, this one 3, before the stream brought 2
    cursors.offer(log.get(1), true);
    assertThat(delivered).containsExactly(2L, 3L);
    assertThat(logReads).isEqualTo(1);
  }

  @Test
  void aStreamEventPastAGapHasTheGapReadFromTheLog() {
    commit(4);
    cursors.offer(log.get(0), true);
    cursors.offer(log.get(3), true); // the stream skipped 2 and 3 (trimmed)
    assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
    assertThat(logReads).isEqualTo(1);
  }

  private void commit(int count) {
    for (int i = 1; i <= count; i++) {
      log.add(event(i, START.plusSeconds(i)));
    }
  }

  private static GameEvent event(long sequence, Instant time) {
    return GameEvent.builder().gameId("g").sequence(sequence).time(time).type(EventType.PLAYER_JOINED).build();
  }
}
