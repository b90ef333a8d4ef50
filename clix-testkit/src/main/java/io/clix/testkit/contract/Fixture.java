package io.clix.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** The shared moves of the contract's tests: unique game ids, ready-made games, time, events. */
final class Fixture {

  /** The lobby timeout of the games the fixture makes. */
  static final Duration LOBBY_TIMEOUT = Duration.ofSeconds(20);
  /** The round timeout of the games the fixture makes; differs from the lobby timeout on purpose. */
  static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

  final ContractEnvironment env;
  final GameOrchestrator games;

  private Fixture(ContractEnvironment env) {
    this.env = env;
    this.games = env.orchestrator();
  }

  static Fixture of(ContractPart part) {
    return new Fixture(part.environment());
  }

  /** A game id unique to this run, so implementations backed by shared storage can run the suite too. */
  static String id(String prefix) {
    return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  /** A spec builder with a fresh id and the fixture's timeouts. */
  static GameSpec.Builder spec(String prefix) {
    return GameSpec.builder().gameId(id(prefix)).lobbyTimeout(LOBBY_TIMEOUT).roundTimeout(ROUND_TIMEOUT);
  }

  static JsonNode json(String text) {
    try {
      return ClixJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static String toJson(Object value) {
    try {
      return ClixJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A game in the lobby with these players seated. */
  GameView lobby(String prefix, int capacity, int minPlayers, String... players) {
    GameView game = games.createGame(spec(prefix).capacity(capacity).minPlayers(minPlayers).build());
    for (String p : players) {
      games.join(game.gameId(), p);
    }
    return games.describe(game.gameId());
  }

  /** A running game, in round 1, whose lobby these players filled. */
  GameView running(String prefix, int rounds, String... players) {
    GameView game = games.createGame(spec(prefix).capacity(players.length).minPlayers(1).rounds(rounds).build());
    for (String p : players) {
      games.join(game.gameId(), p);
    }
    GameView view = games.describe(game.gameId());
    assertThat(view.status()).as("a full lobby starts the game").isEqualTo(GameStatus.RUNNING);
    assertThat(view.currentRound()).isEqualTo(1);
    return view;
  }

  /** Moves time forward, letting background work settle before and after. */
  void advance(Duration amount) {
    env.settle();
    env.advance(amount);
    env.settle();
  }

  Instant now() {
    return env.clock().instant();
  }

  List<GameEvent> events(String gameId) {
    return games.events(gameId, 0);
  }

  List<EventType> types(String gameId) {
    return events(gameId).stream().map(GameEvent::type).collect(Collectors.toList());
  }

  List<GameEvent> eventsOf(String gameId, EventType type) {
    return events(gameId).stream().filter(e -> e.type() == type).collect(Collectors.toList());
  }

  /** The one event of this type; fails if there is none or more than one. */
  GameEvent only(String gameId, EventType type) {
    List<GameEvent> found = eventsOf(gameId, type);
    assertThat(found).as("%s events of game %s", type, gameId).hasSize(1);
    return found.get(0);
  }

  /** The latest event of this type; fails if there is none. */
  GameEvent last(String gameId, EventType type) {
    List<GameEvent> found = eventsOf(gameId, type);
    assertThat(found).as("%s events of game %s", type, gameId).isNotEmpty();
    return found.get(found.size() - 1);
  }
}
