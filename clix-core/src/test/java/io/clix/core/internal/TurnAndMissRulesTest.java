package io.clix.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameLogic;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.IllegalMoveException;
import io.clix.core.MissPolicy;
import io.clix.core.PlayMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of TURNS games, miss policies and game logic, without an orchestrator. */
class TurnAndMissRulesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static GameState running(GameSpec.Builder spec, String... players) {
    GameState s = GameRules.create("g", spec.gameId("g").capacity(players.length).minPlayers(1).build(), T0).state();
    for (String p : players) {
      s = GameRules.join(s, p, null, T0).state();
    }
    assertThat(s.status()).isEqualTo(GameStatus.RUNNING);
    return s;
  }

  private static GameSpec.Builder turns() {
    return GameSpec.builder().playMode(PlayMode.TURNS).turnTimeout(Duration.ofSeconds(10));
  }

  @Test
  void turnNumbersCountOnAcrossRoundsAndAStaleTurnTimerChangesNothing() {
    GameState s = running(turns().rounds(2), "a", "b");
    s = GameRules.move(s, "a", 1, IntNode.valueOf(1), T0).state();
    s = GameRules.move(s, "b", 1, IntNode.valueOf(2), T0).state();

    assertThat(s.round()).isEqualTo(2);
    assertThat(s.turn().number()).isEqualTo(3);
    assertThat(s.turn().player()).isEqualTo("a");
    assertThat(GameRules.turnDeadline(s, 2, T0.plusSeconds(10)).unchanged()).isTrue();
    assertThat(GameTimers.next(s)).contains(new GameTimers.Timer(GameTimers.Kind.TURN, 3, T0.plusSeconds(10)));
  }

  @Test
  void theLeaveThatEndedTheLastTurnClosesTheRoundAndItsRetryChangesNothing() {
    GameState s = running(turns().rounds(2), "a", "b", "c");
    s = GameRules.move(s, "a", 1, IntNode.valueOf(1), T0).state();
    s = GameRules.move(s, "b", 1, IntNode.valueOf(2), T0).state();

    Step left = GameRules.leave(s, "c", T0);

    assertThat(left.events()).extracting(GameEvent::type).containsExactly(EventType.PLAYER_LEFT, EventType.TURN_ENDED,
        EventType.ROUND_CLOSED, EventType.ROUND_OPENED, EventType.TURN_OPENED);
    assertThat(left.state().turn().order()).containsExactly("a", "b");
    assertThat(GameRules.leave(left.state(), "c", T0.plusSeconds(1)).unchanged()).isTrue();
  }

  @Test
  void withEveryPlayerForfeitedTheGameIsCancelled() {
    GameState s = running(GameSpec.builder().rounds(3).missPolicy(MissPolicy.builder().forfeitAfter(1).build()),
        "a", "b");

    Step step = GameRules.roundDeadline(s, 1, T0.plusSeconds(60));

    assertThat(step.events()).extracting(GameEvent::type).containsExactly(EventType.ROUND_CLOSED,
        EventType.PLAYER_FORFEITED, EventType.PLAYER_FORFEITED, EventType.GAME_CANCELLED);
    assertThat(step.state().cancelReason()).isEqualTo(GameRules.ALL_FORFEITED_REASON);
    assertThat(step.state().misses()).as("an ended game keeps no counts").isNull();
  }

  @Test
  void theDefaultPolicyKeepsNoCountsSoTheStateIsWhatItAlwaysWas() {
    GameState s = running(GameSpec.builder().rounds(2), "a", "b");

    GameState after = GameRules.roundDeadline(s, 1, T0.plusSeconds(60)).state();

    assertThat(after.misses()).isNull();
    assertThat(after.turn()).isNull();
    assertThat(after.board()).isNull();
  }

  @Test
  void aDefaultMoveTheLogicRefusesIsNotPlayed() {
    GameLogic onlyNumbers = new GameLogic() {
      @Override
      public JsonNode start(GameSpec spec, List<String> players) {
        return JsonNodeFactory.instance.objectNode().put("sum", 0);
      }

      @Override
      public JsonNode move(JsonNode board, String playerId, JsonNode move) {
        if (!move.isInt()) {
          throw new IllegalMoveException("numbers only");
        }
        return JsonNodeFactory.instance.objectNode().put("sum", board.path("sum").asInt() + move.asInt());
      }
    };
    GameState s = running(turns().rounds(1).missPolicy(MissPolicy.builder()
        .defaultMove(TextNode.valueOf("pass")).build()), "a", "b");

    Step missed = GameRules.turnDeadline(s, 1, T0.plusSeconds(10), onlyNumbers);
    GameState played = GameRules.move(missed.state(), "b", 1, IntNode.valueOf(4), T0.plusSeconds(11), onlyNumbers)
        .state();

    assertThat(missed.events()).extracting(GameEvent::type).containsExactly(EventType.TURN_ENDED, EventType.TURN_OPENED);
    assertThat(missed.state().moves()).isEmpty();
    assertThat(played.board()).isEqualTo(JsonNodeFactory.instance.objectNode().put("sum", 4));
    assertThat(played.status()).isEqualTo(GameStatus.FINISHED);
  }
}
