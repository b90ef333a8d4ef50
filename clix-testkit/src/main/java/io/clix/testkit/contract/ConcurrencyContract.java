package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameFullException;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import io.clix.core.Player;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Many callers at once: capacity holds, one seat per player, no move or event lost, one game per id. */
public interface ConcurrencyContract extends ContractPart {

  @Test
  default void hundredPlayersJoiningTenSeatsGetTenSeatsAndNinetyFullErrors() throws InterruptedException {
    Fixture f = Fixture.of(this);
    GameView game = f.games.createGame(Fixture.spec("rush").capacity(10).minPlayers(2).build());
    String id = game.gameId();

    List<Race.Outcome<JoinResult>> outcomes = Race.run(100, i -> f.games.join(id, "player-" + i));

    List<JoinResult> seated = outcomes.stream().filter(o -> o.value != null).map(o -> o.value)
        .collect(Collectors.toList());
    List<Throwable> refused = outcomes.stream().filter(o -> o.error != null).map(o -> o.error)
        .collect(Collectors.toList());
    assertThat(seated).hasSize(10);
    assertThat(seated).extracting(JoinResult::seat).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 10).boxed().collect(Collectors.toList()));
    assertThat(refused).hasSize(90).allSatisfy(e -> assertThat(e).isInstanceOf(GameFullException.class));
    GameView view = f.games.describe(id);
    assertThat(view.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(view.players()).extracting(Player::playerId)
        .containsExactlyInAnyOrderElementsOf(seated.stream().map(JoinResult::playerId).collect(Collectors.toList()));
    assertThat(f.eventsOf(id, EventType.PLAYER_JOINED)).hasSize(10);
    assertThat(f.eventsOf(id, EventType.GAME_STARTED)).hasSize(1);
    assertGapless(f.events(id));
  }

  @Test
  default void concurrentMovesAreAllKept() throws InterruptedException {
    Fixture f = Fixture.of(this);
    String[] players = IntStream.range(0, 24).mapToObj(i -> "p" + i).toArray(String[]::new);
    GameView game = f.running("crowd", 2, players);
    String id = game.gameId();

    List<Race.Outcome<MoveReceipt>> outcomes = Race.run(players.length,
        i -> f.games.submitMove(id, players[i], 1, json("{\"n\":" + i + "}")));

    assertThat(outcomes).allSatisfy(o -> assertThat(o.error).isNull());
    assertThat(outcomes).extracting(o -> o.value.sequence()).doesNotHaveDuplicates();
    GameEvent closed = f.only(id, EventType.ROUND_CLOSED);
    for (int i = 0; i < players.length; i++) {
      assertThat(closed.data().path("moves").path(players[i])).isEqualTo(json("{\"n\":" + i + "}"));
    }
    assertThat(closed.data().path("missing")).isEqualTo(json("[]"));
    assertThat(f.eventsOf(id, EventType.MOVE_ACCEPTED)).hasSize(players.length);
    assertThat(f.games.describe(id).currentRound()).isEqualTo(2);
    assertGapless(f.events(id));
  }

  @Test
  default void concurrentRetriesOfOneCallTakeEffectOnce() throws InterruptedException {
    Fixture f = Fixture.of(this);
    GameSpec spec = Fixture.spec("retry").capacity(3).build();

    List<Race.Outcome<GameView>> creates = Race.run(16, i -> f.games.createGame(spec));
    List<Race.Outcome<JoinResult>> joins = Race.run(16, i -> f.games.join(spec.gameId().orElseThrow(), "alice"));
    f.games.join(spec.gameId().orElseThrow(), "bob");
    f.games.join(spec.gameId().orElseThrow(), "carol");
    List<Race.Outcome<MoveReceipt>> moves = Race.run(16,
        i -> f.games.submitMove(spec.gameId().orElseThrow(), "bob", 1, json("\"same\"")));

    String id = spec.gameId().orElseThrow();
    assertThat(creates).allSatisfy(o -> assertThat(o.value.gameId()).isEqualTo(id));
    assertThat(joins).allSatisfy(o -> assertThat(o.value.seat()).isEqualTo(1));
    assertThat(moves).extracting(o -> o.value).containsOnly(moves.get(0).value);
    assertThat(f.eventsOf(id, EventType.GAME_CREATED)).hasSize(1);
    assertThat(f.eventsOf(id, EventType.PLAYER_JOINED)).hasSize(3);
    assertThat(f.eventsOf(id, EventType.MOVE_ACCEPTED)).hasSize(1);
    assertGapless(f.events(id));
  }

  @Test
  default void gamesPlayedSideBySideDoNotInterfere() throws InterruptedException {
    Fixture f = Fixture.of(this);
    List<Race.Outcome<String>> games = Race.run(12, i -> {
      GameView game = f.games.createGame(Fixture.spec("parallel").capacity(2).rounds(2).build());
      String id = game.gameId();
      f.games.join(id, "alice");
      f.games.join(id, "bob");
      for (int round = 1; round <= 2; round++) {
        f.games.submitMove(id, "alice", round, json("\"a" + i + "-" + round + "\""));
        f.games.submitMove(id, "bob", round, json("\"b" + i + "-" + round + "\""));
      }
      return id;
    });

    assertThat(games).allSatisfy(o -> assertThat(o.error).isNull());
    for (int i = 0; i < games.size(); i++) {
      String id = games.get(i).value;
      assertThat(f.games.describe(id).status()).isEqualTo(GameStatus.FINISHED);
      List<GameEvent> closes = f.eventsOf(id, EventType.ROUND_CLOSED);
      assertThat(closes).hasSize(2);
      assertThat(closes.get(1).data().path("moves"))
          .isEqualTo(json("{\"alice\":\"a" + i + "-2\",\"bob\":\"b" + i + "-2\"}"));
      assertGapless(f.events(id));
    }
  }

  private static void assertGapless(List<GameEvent> events) {
    assertThat(events).extracting(GameEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().collect(Collectors.toList()));
  }
}
