package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import io.clix.core.internal.GameRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Dozens of games with idle and active players, and the checks every deadline scenario makes on them:
 * every game ended, every deadline fired at the instant the game announced (within one second of
 * manual time, never early), and no game corrupted (gapless sequences, rounds opened in order and each
 * closed once). Four kinds, in turn: a lobby below its minimum (cancelled at its timeout), a lobby at
 * its minimum (started at its timeout, then idle), a full lobby with one active player, and a full
 * lobby whose players both move in round 1 (closed early, then idle).
 */
final class DeadlineFleet {

  static final Duration LOBBY = Duration.ofSeconds(60);
  static final Duration ROUND = Duration.ofSeconds(30);
  static final int ROUNDS = 3;
  /** Longer than any game of the fleet can last. */
  static final Duration LONGEST = LOBBY.plus(ROUND.multipliedBy(ROUNDS + 1));
  private static final Duration TOLERANCE = Duration.ofSeconds(1);

  private final String prefix;
  private final int size;
  private final List<String> ids = new ArrayList<>();

  DeadlineFleet(String prefix, int size) {
    this.prefix = prefix;
    this.size = size;
  }

  List<String> ids() {
    return ids;
  }

  /** Creates the games and makes the moves of their active players, all at the current instant. */
  void start(GameOrchestrator games) {
    start(games, games, Runnable::run);
  }

  /**
   * The same, creating through {@code games} and joining and moving through {@code players}, each
   * join and move made by {@code call} (which may kill the instance around it).
   */
  void start(GameOrchestrator games, GameOrchestrator players, java.util.function.Consumer<Runnable> call) {
    for (int i = 0; i < size; i++) {
      String id = prefix + "-" + i;
      int kind = i % 4;
      int capacity = kind < 2 ? 3 : 2;
      games.createGame(GameSpec.builder().gameId(id).capacity(capacity).minPlayers(2).rounds(ROUNDS)
          .lobbyTimeout(LOBBY).roundTimeout(ROUND).build());
      ids.add(id);
      int n = i;
      call.accept(() -> players.join(id, "alice"));
      if (kind >= 1) {
        call.accept(() -> players.join(id, "bob"));
      }
      if (kind >= 2) {
        call.accept(() -> players.submitMove(id, "alice", 1, IntNode.valueOf(n)));
      }
      if (kind == 3) {
        call.accept(() -> players.submitMove(id, "bob", 1, IntNode.valueOf(-n)));
      }
    }
  }

  /** Checks every game through this reader; prints and returns the worst lateness. */
  Duration check(String scenario, GameOrchestrator reader) {
    Duration worst = Duration.ZERO;
    int ended = 0;
    for (String id : ids) {
      GameView view = reader.describe(id);
      assertThat(view.status().isEnded()).as("%s ended", id).isTrue();
      ended++;
      List<GameEvent> events = reader.events(id, 0);
      assertThat(events).extracting(GameEvent::sequence).as("%s sequences", id)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
      worst = max(worst, lateness(id, view, events));
    }
    System.out.printf("deadline scenario %s: games=%d ended=%d worst lateness=%d ms%n",
        scenario, ids.size(), ended, worst.toMillis());
    return worst;
  }

  private static Duration lateness(String id, GameView view, List<GameEvent> events) {
    Duration worst = Duration.ZERO;
    Instant lobbyDeadline = view.createdAt().plus(LOBBY);
    Map<Integer, Instant> deadlines = new HashMap<>();
    Map<Integer, Integer> closed = new HashMap<>();
    int lastOpened = 0;
    for (GameEvent e : events) {
      boolean byLobbyTimer = (e.type() == EventType.GAME_STARTED
          && GameRules.LOBBY_TIMEOUT.equals(e.data().path("trigger").asText()))
          || (e.type() == EventType.GAME_CANCELLED
          && GameRules.LOBBY_TIMEOUT_REASON.equals(e.data().path("reason").asText()));
      if (byLobbyTimer) {
        worst = max(worst, late(id, "lobby", lobbyDeadline, e.time()));
      }
      if (e.type() == EventType.ROUND_OPENED) {
        int round = e.round().orElseThrow();
        assertThat(round).as("%s opens rounds in order", id).isEqualTo(lastOpened + 1);
        lastOpened = round;
        deadlines.put(round, Instant.parse(e.data().path("deadline").asText()));
      }
      if (e.type() == EventType.ROUND_CLOSED) {
        int round = e.round().orElseThrow();
        closed.merge(round, 1, Integer::sum);
        Instant deadline = deadlines.get(round);
        assertThat(deadline).as("%s closes round %d after opening it", id, round).isNotNull();
        if ("deadline".equals(e.data().path("trigger").asText())) {
          worst = max(worst, late(id, "round " + round, deadline, e.time()));
        } else {
          assertThat(e.time()).as("%s round %d closed early", id, round).isBeforeOrEqualTo(deadline);
        }
      }
    }
    assertThat(closed.values()).as("%s closes each round once", id).allMatch(n -> n == 1);
    assertThat(closed.keySet()).as("%s closes every round it opened", id).isEqualTo(deadlines.keySet());
    return worst;
  }

  private static Duration late(String id, String what, Instant deadline, Instant fired) {
    Duration lateness = Duration.between(deadline, fired);
    assertThat(lateness).as("%s %s fired at %s for %s", id, what, fired, deadline)
        .isBetween(Duration.ZERO, TOLERANCE);
    return lateness;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
