package io.clix.core.internal;

import static io.clix.core.internal.GameRulesTest.JSON;
import static io.clix.core.internal.GameRulesTest.T0;
import static io.clix.core.internal.GameRulesTest.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameStateException;
import io.clix.core.GameStatus;
import io.clix.core.MoveReceipt;
import io.clix.core.RoundNotOpenException;
import org.junit.jupiter.api.Test;

/** Retries of calls that landed, in the states those calls moved the game to; the result of a game that ended by itself. */
class RetryRulesTest {

  static JsonNode json(String text) throws Exception {
    return ClixJson.mapper().readTree(text);
  }

  @Test
  void theMoveThatClosedARoundIsAcceptedAgainAfterTheRoundClosed() throws Exception {
    GameState s = GameRules.move(running(2, "a", "b"), "a", 1, json("{\"x\":1,\"y\":2}"), T0).state();
    Step closing = GameRules.move(s, "b", 1, json("{\"p\":[1,2],\"q\":\"z\"}"), T0.plusSeconds(3));
    GameState round2 = closing.state();
    assertThat(round2.round()).isEqualTo(2);

    Step retry = GameRules.move(round2, "b", 1, json("{\"q\":\"z\",\"p\":[1,2]}"), T0.plusSeconds(9));

    assertThat(retry.unchanged()).isTrue();
    MoveReceipt receipt = round2.receipt("b", 1, json("{\"q\":\"z\",\"p\":[1,2]}"));
    assertThat(receipt.sequence()).isEqualTo(closing.events().get(0).sequence());
    assertThat(receipt.acceptedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(receipt.round()).isEqualTo(1);
    assertThatThrownBy(() -> GameRules.move(round2, "b", 1, json("{\"p\":[2,1],\"q\":\"z\"}"), T0))
        .as("another move for the closed round").isInstanceOf(RoundNotOpenException.class);
    assertThatThrownBy(() -> GameRules.move(round2, "a", 1, json("{\"x\":1,\"y\":2}"), T0))
        .as("only the closing move is remembered").isInstanceOf(RoundNotOpenException.class);
  }

  @Test
  void theMoveThatFinishedTheGameIsAcceptedAgainAfterTheEnd() {
    GameState s = GameRules.move(running(1, "a", "b"), "a", 1, JSON.numberNode(1), T0).state();
    GameState finished = GameRules.move(s, "b", 1, JSON.numberNode(2), T0.plusSeconds(1)).state();
    assertThat(finished.status()).isEqualTo(GameStatus.FINISHED);

    assertThat(GameRules.move(finished, "b", 1, JSON.numberNode(2), T0.plusSeconds(5)).unchanged()).isTrue();
    assertThat(finished.receipt("b", 1, JSON.numberNode(2)).sequence()).isEqualTo(s.version() + 1);
    assertThatThrownBy(() -> GameRules.move(finished, "a", 1, JSON.numberNode(1), T0))
        .isInstanceOf(GameStateException.class);
    GameState cancelledLater = GameRules.move(GameRules.move(running(2, "a", "b"), "a", 1, JSON.numberNode(1), T0)
        .state(), "b", 1, JSON.numberNode(2), T0).state();
    cancelledLater = GameRules.cancel(cancelledLater, "x", T0).state();
    assertThat(GameRules.move(cancelledLater, "b", 1, JSON.numberNode(2), T0).unchanged()).isTrue();
  }

  @Test
  void theLeaveThatEndedTheGameIsHarmlessAfterTheEnd() {
    GameState s = GameRules.leave(running(2, "a", "b"), "a", T0).state();
    GameState cancelled = GameRules.leave(s, "b", T0).state();
    assertThat(cancelled.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(GameRules.leave(cancelled, "b", T0.plusSeconds(1)).unchanged()).isTrue();
    assertThatThrownBy(() -> GameRules.leave(cancelled, "a", T0)).isInstanceOf(GameStateException.class);

    GameState moved = GameRules.move(running(1, "a", "b"), "a", 1, JSON.numberNode(1), T0).state();
    GameState finished = GameRules.leave(moved, "b", T0).state();
    assertThat(finished.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(GameRules.leave(finished, "b", T0).unchanged()).isTrue();
    assertThatThrownBy(() -> GameRules.leave(finished, "a", T0)).isInstanceOf(GameStateException.class);
  }

  @Test
  void theJoinThatFilledTheLobbyGetsItsSeatAgain() {
    GameState full = running(1, "a", "b");
    assertThat(full.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(GameRules.join(full, "b", null, T0).unchanged()).isTrue();
    assertThat(full.seat("b").orElseThrow().seat()).isEqualTo(2);
  }

  @Test
  void aGameThatFinishedByItselfTakesOneResult() throws Exception {
    GameState s = GameRules.roundDeadline(running(1, "a", "b"), 1, T0.plusSeconds(30)).state();
    assertThat(s.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(s.result()).isNull();
    assertThat(GameRules.finish(s, null, T0).unchanged()).isTrue();

    Step recorded = GameRules.finish(s, json("{\"winner\":\"a\"}"), T0.plusSeconds(40));

    assertThat(recorded.events()).extracting(e -> e.type()).containsExactly(EventType.RESULT_RECORDED);
    assertThat(recorded.events().get(0).data().path("result")).isEqualTo(json("{\"winner\":\"a\"}"));
    assertThat(recorded.state().result()).isEqualTo(json("{\"winner\":\"a\"}"));
    assertThat(recorded.state().endedAt()).isEqualTo(s.endedAt());
    assertThat(recorded.state().version()).isEqualTo(s.version() + 1);
    assertThat(GameRules.finish(recorded.state(), json("{\"winner\":\"a\"}"), T0).unchanged()).isTrue();
    assertThatThrownBy(() -> GameRules.finish(recorded.state(), json("{\"winner\":\"b\"}"), T0))
        .isInstanceOf(GameStateException.class);
  }

  @Test
  void fingerprintsIgnoreKeyOrderOnly() throws Exception {
    assertThat(Fingerprints.of(json("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":null}}")))
        .isEqualTo(Fingerprints.of(json("{\"b\":{\"d\":null,\"c\":[1,2]},\"a\":1}")))
        .hasSize(32);
    assertThat(Fingerprints.of(json("[1,2]"))).isNotEqualTo(Fingerprints.of(json("[2,1]")));
    assertThat(Fingerprints.of(json("\"1\""))).isNotEqualTo(Fingerprints.of(json("1")));
  }
}
