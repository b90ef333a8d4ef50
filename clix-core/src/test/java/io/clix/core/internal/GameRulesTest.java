package io.clix.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.clix.core.DuplicateMoveException;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameFullException;
import io.clix.core.GameSpec;
import io.clix.core.GameStateException;
import io.clix.core.GameStatus;
import io.clix.core.NotEnoughPlayersException;
import io.clix.core.NotInGameException;
import io.clix.core.RoundNotOpenException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GameRulesTest {

  static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static GameSpec spec(int capacity, int min, int rounds) {
    return GameSpec.builder().gameId("g").capacity(capacity).minPlayers(min).rounds(rounds)
        .lobbyTimeout(Duration.ofSeconds(20)).roundTimeout(Duration.ofSeconds(30)).build();
  }

  static GameState lobby(int capacity, int min, int rounds, String... players) {
    GameState s = GameRules.create("g", spec(capacity, min, rounds), T0).state();
    for (String p : players) {
      s = GameRules.join(s, p, null, T0).state();
    }
    return s;
  }

  /** A full game of these players: running, round 1 open. */
  static GameState running(int rounds, String... players) {
    return lobby(players.length, 1, rounds, players);
  }

  static void assertConsecutive(GameState before, Step step, Instant now) {
    long seq = before.version();
    for (GameEvent e : step.events()) {
      assertThat(e.sequence()).isEqualTo(++seq);
      assertThat(e.time()).isEqualTo(now);
      assertThat(e.gameId()).isEqualTo("g");
    }
    assertThat(step.state().version()).isEqualTo(seq);
  }

  @Test
  void createOpensTheLobbyAtVersionOne() {
    Step step = GameRules.create("g", spec(3, 2, 1), T0);
    assertThat(step.state().status()).isEqualTo(GameStatus.LOBBY);
    assertThat(step.state().version()).isEqualTo(1);
    assertThat(step.state().lobbyDeadline()).isEqualTo(T0.plusSeconds(20));
    assertThat(step.events()).extracting(GameEvent::type).containsExactly(EventType.GAME_CREATED);
    assertThat(step.events().get(0).sequence()).isEqualTo(1);
  }

  @Test
  void aOneSeatGameStartsOnItsFirstJoin() {
    GameState s = lobby(1, 1, 1);
    Step step = GameRules.join(s, "solo", null, T0.plusSeconds(3));
    assertThat(step.events()).extracting(GameEvent::type)
        .containsExactly(EventType.PLAYER_JOINED, EventType.GAME_STARTED, EventType.ROUND_OPENED);
    assertThat(step.state().roundDeadline()).isEqualTo(T0.plusSeconds(33));
    assertConsecutive(s, step, T0.plusSeconds(3));
  }

  @Test
  void joinTakesTheLowestFreeSeatAfterALeave() {
    GameState s = lobby(4, 2, 1, "a", "b", "c");
    s = GameRules.leave(s, "a", T0).state();
    s = GameRules.leave(s, "c", T0).state();
    Step step = GameRules.join(s, "d", null, T0);
    assertThat(step.state().seat("d").orElseThrow().seat()).isEqualTo(1);
    assertThat(step.state().players()).extracting(GameState.Seat::playerId).containsExactly("d", "b");
    assertThat(GameRules.join(step.state(), "e", null, T0).state().seat("e").orElseThrow().seat()).isEqualTo(3);
  }

  @Test
  void repeatedJoinsChangeNothing() {
    GameState lobby = lobby(3, 2, 1, "a");
    assertThat(GameRules.join(lobby, "a", JSON.objectNode(), T0).unchanged()).isTrue();
    GameState running = running(1, "a", "b");
    Step again = GameRules.join(running, "b", null, T0);
    assertThat(again.unchanged()).isTrue();
    assertThat(again.state()).isSameAs(running);
  }

  @Test
  void joinRefusalsDependOnWhyTheLobbyClosed() {
    GameState full = running(1, "a", "b");
    assertThatThrownBy(() -> GameRules.join(full, "c", null, T0)).isInstanceOf(GameFullException.class);
    GameState early = GameRules.startNow(lobby(3, 2, 1, "a", "b"), T0).state();
    assertThatThrownBy(() -> GameRules.join(early, "c", null, T0)).isInstanceOf(GameStateException.class)
        .extracting(e -> ((GameStateException) e).status()).isEqualTo(GameStatus.RUNNING);
    GameState left = GameRules.leave(full, "b", T0).state();
    assertThatThrownBy(() -> GameRules.join(left, "b", null, T0)).as("no rejoin after leaving a started game")
        .isInstanceOf(GameStateException.class);
    GameState ended = GameRules.cancel(full, "x", T0).state();
    assertThatThrownBy(() -> GameRules.join(ended, "c", null, T0)).isInstanceOf(GameStateException.class)
        .extracting(e -> ((GameStateException) e).status()).isEqualTo(GameStatus.CANCELLED);
    assertThatThrownBy(() -> GameRules.join(ended, "a", null, T0)).isInstanceOf(GameStateException.class);
  }

  @Test
  void jsonNullPlayerDataIsNoData() {
    Step step = GameRules.join(lobby(3, 2, 1), "a", NullNode.getInstance(), T0);
    assertThat(step.state().seat("a").orElseThrow().data()).isNull();
    assertThat(step.events().get(0).data().has("data")).isFalse();
    assertThat(step.state().toView().player("a").orElseThrow().data()).isEmpty();
  }

  @Test
  void leaveRules() {
    GameState s = running(2, "a", "b", "c");
    assertThatThrownBy(() -> GameRules.leave(s, "z", T0)).isInstanceOf(NotInGameException.class);
    GameState once = GameRules.leave(s, "b", T0).state();
    assertThat(once.seat("b").orElseThrow().active()).isFalse();
    assertThat(once.activeCount()).isEqualTo(2);
    assertThat(GameRules.leave(once, "b", T0).unchanged()).isTrue();
    GameState twice = GameRules.leave(once, "a", T0).state();
    Step last = GameRules.leave(twice, "c", T0);
    assertThat(last.state().status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(last.state().cancelReason()).isEqualTo(GameRules.ALL_LEFT_REASON);
    assertThatThrownBy(() -> GameRules.leave(last.state(), "a", T0)).isInstanceOf(GameStateException.class);
    GameState lobby = lobby(3, 2, 1, "a");
    Step emptied = GameRules.leave(lobby, "a", T0);
    assertThat(emptied.state().status()).as("an emptied lobby waits for its timeout").isEqualTo(GameStatus.LOBBY);
    assertThat(emptied.state().players()).isEmpty();
  }

  @Test
  void aLeaveThatCompletesTheRoundClosesIt() {
    GameState s = running(1, "a", "b", "c");
    s = GameRules.move(s, "a", 1, JSON.numberNode(1), T0).state();
    s = GameRules.move(s, "c", 1, JSON.numberNode(3), T0).state();
    Step step = GameRules.leave(s, "b", T0.plusSeconds(4));
    assertThat(step.events()).extracting(GameEvent::type)
        .containsExactly(EventType.PLAYER_LEFT, EventType.ROUND_CLOSED, EventType.GAME_FINISHED);
    GameEvent closed = step.events().get(1);
    assertThat(closed.data().path("missing")).isEmpty();
    assertThat(closed.data().path("moves").size()).isEqualTo(2);
    assertConsecutive(s, step, T0.plusSeconds(4));
  }

  @Test
  void startNowRules() {
    assertThatThrownBy(() -> GameRules.startNow(lobby(4, 3, 1, "a", "b"), T0))
        .isInstanceOf(NotEnoughPlayersException.class);
    GameState started = GameRules.startNow(lobby(4, 2, 1, "a", "b"), T0).state();
    assertThat(GameRules.startNow(started, T0.plusSeconds(1)).unchanged()).isTrue();
    GameState finished = GameRules.finish(started, null, T0).state();
    assertThatThrownBy(() -> GameRules.startNow(finished, T0)).isInstanceOf(GameStateException.class);
  }

  @Test
  void lobbyTimeoutStartsAtExactlyTheMinimumAndIsANoOpOnceClosed() {
    Step start = GameRules.lobbyTimeout(lobby(4, 2, 1, "a", "b"), T0.plusSeconds(20));
    assertThat(start.state().status()).isEqualTo(GameStatus.RUNNING);
    assertThat(start.events().get(0).data().path("trigger").asText()).isEqualTo(GameRules.LOBBY_TIMEOUT);
    Step cancel = GameRules.lobbyTimeout(lobby(4, 3, 1, "a", "b"), T0.plusSeconds(20));
    assertThat(cancel.state().cancelReason()).isEqualTo("lobby timeout");
    assertThat(GameRules.lobbyTimeout(start.state(), T0.plusSeconds(40)).unchanged()).isTrue();
    assertThat(GameRules.lobbyTimeout(cancel.state(), T0.plusSeconds(40)).unchanged()).isTrue();
  }

  @Test
  void moveRules() {
    GameState s = running(2, "a", "b");
    assertThatThrownBy(() -> GameRules.move(s, "a", 2, JSON.numberNode(1), T0)).isInstanceOf(RoundNotOpenException.class);
    assertThatThrownBy(() -> GameRules.move(s, "z", 1, JSON.numberNode(1), T0)).isInstanceOf(NotInGameException.class);
    GameState moved = GameRules.move(s, "a", 1, JSON.numberNode(1), T0).state();
    assertThat(GameRules.move(moved, "a", 1, JSON.numberNode(1), T0.plusSeconds(1)).unchanged()).isTrue();
    assertThatThrownBy(() -> GameRules.move(moved, "a", 1, JSON.numberNode(2), T0))
        .isInstanceOf(DuplicateMoveException.class);
    assertThat(moved.receipt("a").sequence()).isEqualTo(moved.version());
    assertThatThrownBy(() -> GameRules.move(lobby(3, 2, 1, "a"), "a", 1, JSON.numberNode(1), T0))
        .isInstanceOf(GameStateException.class);
    RoundNotOpenException closed = org.assertj.core.api.Assertions.catchThrowableOfType(RoundNotOpenException.class,
        () -> GameRules.move(GameRules.move(moved, "b", 1, JSON.numberNode(2), T0).state(), "a", 1,
            JSON.numberNode(1), T0));
    assertThat(closed.currentRound()).isEqualTo(2);
    assertThat(closed.getMessage()).contains("closed");
  }

  @Test
  void aStaleDeadlineIsANoOp() {
    GameState s = running(3, "a", "b");
    GameState round2 = GameRules.roundDeadline(s, 1, T0.plusSeconds(30)).state();
    assertThat(round2.round()).isEqualTo(2);
    assertThat(GameRules.roundDeadline(round2, 1, T0.plusSeconds(31)).unchanged()).isTrue();
    assertThat(GameRules.roundDeadline(round2, 3, T0.plusSeconds(31)).unchanged()).isTrue();
    GameState cancelled = GameRules.cancel(round2, "x", T0.plusSeconds(31)).state();
    assertThat(GameRules.roundDeadline(cancelled, 2, T0.plusSeconds(60)).unchanged()).isTrue();
  }

  @Test
  void theDeadlineRecordsOnlyActivePlayersAsMissing() {
    GameState s = running(1, "a", "b", "c", "d");
    s = GameRules.leave(s, "b", T0).state();
    s = GameRules.move(s, "d", 1, JSON.textNode("x"), T0).state();
    Step step = GameRules.roundDeadline(s, 1, T0.plusSeconds(30));
    GameEvent closed = step.events().get(0);
    assertThat(closed.data().path("trigger").asText()).isEqualTo("deadline");
    assertThat(closed.data().path("missing").toString()).isEqualTo("[\"a\",\"c\"]");
    assertThat(closed.data().path("moves").toString()).isEqualTo("{\"d\":\"x\"}");
    assertThat(step.state().status()).isEqualTo(GameStatus.FINISHED);
    assertThat(step.events().get(1).data().path("trigger").asText()).isEqualTo("lastRound");
  }

  @Test
  void finishAndCancelRepeats() {
    GameState s = running(2, "a", "b");
    JsonNode result = JSON.objectNode().put("winner", "a");
    GameState finished = GameRules.finish(s, result, T0).state();
    assertThat(GameRules.finish(finished, result.deepCopy(), T0.plusSeconds(1)).unchanged()).isTrue();
    assertThatThrownBy(() -> GameRules.finish(finished, JSON.objectNode(), T0)).isInstanceOf(GameStateException.class);
    assertThatThrownBy(() -> GameRules.cancel(finished, "late", T0)).isInstanceOf(GameStateException.class);
    GameState noResult = GameRules.finish(s, NullNode.getInstance(), T0).state();
    assertThat(noResult.result()).isNull();
    assertThat(GameRules.finish(noResult, null, T0).unchanged()).isTrue();
    assertThat(GameRules.finish(noResult, NullNode.getInstance(), T0).unchanged()).isTrue();
    assertThatThrownBy(() -> GameRules.finish(lobby(3, 2, 1), null, T0)).isInstanceOf(GameStateException.class);
    GameState cancelled = GameRules.cancel(s, "first", T0).state();
    assertThat(GameRules.cancel(cancelled, "second", T0).unchanged()).isTrue();
    assertThat(cancelled.cancelReason()).isEqualTo("first");
    assertThatThrownBy(() -> GameRules.finish(cancelled, null, T0)).isInstanceOf(GameStateException.class);
  }

  @Test
  void aHundredRoundGameRunsToTheEndWithoutGaps() {
    GameState s = running(100, "a", "b");
    Instant now = T0;
    for (int round = 1; round <= 100; round++) {
      now = now.plusSeconds(30);
      GameState before = s;
      Step step = GameRules.roundDeadline(s, round, now);
      assertConsecutive(before, step, now);
      s = step.state();
    }
    assertThat(s.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(s.version()).isEqualTo(1 + 2 + 2 + 100 * 2);
  }
}
