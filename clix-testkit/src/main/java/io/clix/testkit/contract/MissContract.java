package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.MissPolicy;
import io.clix.core.NotYourTurnException;
import io.clix.core.PlayMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec's {@link MissPolicy}: default moves for missed rounds and turns, forfeits after consecutive misses (a
 * move resets the count), a shorter turn after a miss that fires at its own instant, and the game's end when too
 * few players remain.
 */
public interface MissContract extends ContractPart {

  /** The turn timeout of the fixture's TURNS games. */
  Duration TURN = Duration.ofSeconds(10);

  private static GameView started(Fixture f, GameSpec.Builder spec, String... players) {
    GameView game = f.games.createGame(spec.capacity(players.length).build());
    for (String p : players) {
      f.games.join(game.gameId(), p);
    }
    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.RUNNING);
    return view;
  }

  private static GameSpec.Builder turns(String prefix) {
    return Fixture.spec(prefix).minPlayers(1).playMode(PlayMode.TURNS).turnTimeout(TURN);
  }

  @Test
  default void theDefaultMoveIsPlayedForAMoveMissingAtTheRoundsDeadline() {
    Fixture f = Fixture.of(this);
    MissPolicy pass = MissPolicy.builder().defaultMove(json("\"pass\"")).build();
    GameView game = started(f, Fixture.spec("miss-default").minPlayers(1).rounds(2).missPolicy(pass), "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("\"a\""));

    f.advance(Fixture.ROUND_TIMEOUT);

    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"alice\":\"a\",\"bob\":\"pass\"}"));
    assertThat(closed.data().path("missing")).isEqualTo(json("[\"bob\"]"));
    GameEvent played = f.last(game.gameId(), EventType.MOVE_ACCEPTED);
    assertThat(played.playerId()).contains("bob");
    assertThat(played.data()).isEqualTo(json("{\"default\":true}"));
    assertThat(played.time()).isEqualTo(game.roundDeadline().orElseThrow());
    assertThat(played.sequence()).isEqualTo(closed.sequence() - 1);
    assertThat(f.games.describe(game.gameId()).spec().missPolicy()).isEqualTo(pass);
  }

  @Test
  default void theDefaultMoveIsPlayedForAMissedTurnAndItsPlayerCannotMoveAfterwards() {
    Fixture f = Fixture.of(this);
    MissPolicy pass = MissPolicy.builder().defaultMove(json("{\"pass\":true}")).build();
    GameView game = started(f, turns("miss-turn").rounds(1).missPolicy(pass), "alice", "bob");

    f.advance(TURN);

    List<EventType> types = f.types(game.gameId());
    assertThat(types.subList(types.size() - 3, types.size()))
        .containsExactly(EventType.MOVE_ACCEPTED, EventType.TURN_ENDED, EventType.TURN_OPENED);
    NotYourTurnException late = catchThrowableOfType(NotYourTurnException.class,
        () -> f.games.submitMove(game.gameId(), "alice", 1, json("{\"pass\":true}")));
    assertThat(late).isNotNull();
    assertThat(late.currentPlayer()).isEqualTo("bob");
    f.games.submitMove(game.gameId(), "bob", 1, json("{\"card\":3}"));
    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"alice\":{\"pass\":true},\"bob\":{\"card\":3}}"));
    assertThat(closed.data().path("missing")).isEqualTo(json("[\"alice\"]"));
    assertThat(closed.data().path("trigger").asText()).isEqualTo("turnsEnded");
  }

  @Test
  default void aPlayerIsForfeitedAfterTheConsecutiveMissesAndAMoveResetsTheCount() {
    Fixture f = Fixture.of(this);
    MissPolicy policy = MissPolicy.builder().forfeitAfter(2).build();
    GameView game = started(f, Fixture.spec("miss-forfeit").minPlayers(1).rounds(5).missPolicy(policy),
        "alice", "bob", "carol");
    String id = game.gameId();
    for (int round = 1; round <= 4; round++) {
      f.games.submitMove(id, "alice", round, json("1"));
      f.games.submitMove(id, "carol", round, json("3"));
      if (round == 2) {
        f.games.submitMove(id, "bob", round, json("2"));
      } else {
        f.advance(Fixture.ROUND_TIMEOUT);
      }
      if (round < 4) {
        assertThat(f.types(id)).as("round %s", round).doesNotContain(EventType.PLAYER_FORFEITED);
      }
    }

    GameEvent forfeited = f.only(id, EventType.PLAYER_FORFEITED);
    assertThat(forfeited.playerId()).contains("bob");
    assertThat(forfeited.round()).contains(4);
    assertThat(forfeited.data()).isEqualTo(json("{\"seat\":2,\"misses\":2}"));
    GameEvent closed4 = f.last(id, EventType.ROUND_CLOSED);
    assertThat(forfeited.sequence()).isEqualTo(closed4.sequence() + 1);
    assertThat(closed4.data().path("missing")).isEqualTo(json("[\"bob\"]"));
    GameView round5 = f.games.describe(id);
    assertThat(round5.player("bob").orElseThrow().active()).isFalse();
    assertThat(round5.activePlayerIds()).containsExactly("alice", "carol");
    f.games.submitMove(id, "alice", 5, json("1"));
    f.games.submitMove(id, "carol", 5, json("3"));
    assertThat(f.games.describe(id).status()).as("the forfeited player is not waited for").isEqualTo(GameStatus.FINISHED);
  }

  @Test
  default void afterAMissThePlayersNextTurnIsShorterAndEndsAtItsOwnInstant() {
    Fixture f = Fixture.of(this);
    Duration shorter = Duration.ofSeconds(4);
    MissPolicy policy = MissPolicy.builder().timeoutAfterMiss(shorter).build();
    GameView game = started(f, turns("miss-shorter").rounds(3).missPolicy(policy), "alice", "bob");
    String id = game.gameId();

    f.advance(TURN);
    f.advance(Duration.ofSeconds(1));
    f.games.submitMove(id, "bob", 1, json("2"));
    Instant opened = f.now();
    GameView round2 = f.games.describe(id);
    assertThat(round2.turnPlayer()).contains("alice");
    assertThat(round2.turnDeadline()).contains(opened.plus(shorter));

    f.advance(shorter);

    GameView after = f.games.describe(id);
    assertThat(after.turnPlayer()).contains("bob");
    GameEvent missed = f.last(id, EventType.TURN_ENDED);
    assertThat(missed.playerId()).contains("alice");
    assertThat(missed.data().path("trigger").asText()).isEqualTo("missed");
    assertThat(missed.time()).isEqualTo(opened.plus(shorter));
    assertThat(after.turnDeadline()).as("bob missed nothing").contains(opened.plus(shorter).plus(TURN));
    f.games.submitMove(id, "bob", 2, json("2"));
    f.advance(Duration.ofSeconds(1));
    assertThat(f.games.describe(id).turnDeadline()).as("alice still missed her latest turn")
        .contains(f.now().minusSeconds(1).plus(shorter));
    f.games.submitMove(id, "alice", 3, json("1"));
    assertThat(f.games.describe(id).turnDeadline()).contains(f.now().plus(TURN));
  }

  @Test
  default void aLeaveBelowTheMinimumCancelsTheGameWhenThePolicySaysSo() {
    Fixture f = Fixture.of(this);
    MissPolicy policy = MissPolicy.builder().whenTooFew(MissPolicy.WhenTooFew.CANCEL).build();
    GameView game = started(f, Fixture.spec("miss-cancel").minPlayers(2).rounds(3).missPolicy(policy),
        "alice", "bob", "carol");

    f.games.leave(game.gameId(), "carol");
    assertThat(f.games.describe(game.gameId()).status()).as("two remain").isEqualTo(GameStatus.RUNNING);
    GameView left = f.games.leave(game.gameId(), "bob");

    assertThat(left.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(left.cancelReason()).contains("too few players");
    assertThat(f.games.leave(game.gameId(), "bob")).as("a retry").isEqualTo(left);
  }

  @Test
  default void aForfeitBelowTheMinimumFinishesTheGameWhenThePolicySaysSo() {
    Fixture f = Fixture.of(this);
    MissPolicy policy = MissPolicy.builder().forfeitAfter(1).whenTooFew(MissPolicy.WhenTooFew.FINISH).build();
    GameView game = started(f, turns("miss-finish").minPlayers(2).rounds(3).missPolicy(policy), "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));

    f.advance(TURN);

    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(view.endedAt()).as("bob's turn opened with the game's first move").contains(f.now());
    assertThat(f.now()).isEqualTo(game.startedAt().orElseThrow().plus(TURN));
    assertThat(f.only(game.gameId(), EventType.PLAYER_FORFEITED).playerId()).contains("bob");
    assertThat(f.only(game.gameId(), EventType.GAME_FINISHED).data().path("trigger").asText())
        .isEqualTo("tooFewPlayers");
  }

  @Test
  default void aMissPolicyReadsBackEqualAndTheDefaultOneIsNotWritten() throws Exception {
    MissPolicy policy = MissPolicy.builder().defaultMove(json("[1, 2.50]")).forfeitAfter(3)
        .timeoutAfterMiss(Duration.ofSeconds(5)).whenTooFew(MissPolicy.WhenTooFew.FINISH).build();
    GameSpec spec = turns("miss-json").missPolicy(policy).build();

    String text = ClixJson.mapper().writeValueAsString(spec);

    assertThat(text).contains("\"missPolicy\":{\"defaultMove\":[1,2.50],\"forfeitAfter\":3,"
        + "\"timeoutAfterMiss\":\"PT5S\",\"whenTooFew\":\"FINISH\"}");
    assertThat(ClixJson.mapper().readValue(text, GameSpec.class)).isEqualTo(spec);
    assertThat(ClixJson.mapper().writeValueAsString(spec.toBuilder().missPolicy(MissPolicy.defaults()).build()))
        .doesNotContain("missPolicy");
    assertThat(Fixture.of(this).games.createGame(spec).spec()).isEqualTo(spec);
  }
}
