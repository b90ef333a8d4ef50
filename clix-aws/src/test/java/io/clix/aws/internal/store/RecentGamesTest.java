package io.clix.aws.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.GameSpec;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentGamesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static GameState lobby() {
    GameSpec spec = GameSpec.builder().gameId("g").capacity(2).rounds(1)
        .lobbyTimeout(Duration.ofSeconds(20)).roundTimeout(Duration.ofSeconds(30)).build();
    return GameRules.create("g", spec, T0).state();
  }

  private static GameItem item(GameState s, Map<String, Instant> fired) {
    return new GameItem(s, fired, null, null);
  }

  @Test
  void keepsTheNewestItemItSawWhateverTheOrderOfArrival() {
    RecentGames recent = new RecentGames(16);
    GameState v1 = lobby();
    GameState v2 = GameRules.join(v1, "alice", null, T0).state();

    recent.saw("g", item(v2, Map.of()));
    recent.saw("g", item(v1, Map.of()));
    assertThat(recent.get("g").orElseThrow().item().state().version()).isEqualTo(v2.version());

    recent.saw("g", item(v2, Map.of("lobby", T0.plusSeconds(20))));
    assertThat(recent.get("g").orElseThrow().item().fired()).containsKey("lobby");
    recent.forget("g");
    assertThat(recent.get("g")).isEmpty();
  }

  @Test
  void holdsATokenOnlyWhileTheGameIsAtItsPointAndNeverPrintsIt() {
    RecentGames recent = new RecentGames(16);
    GameState lobby = GameRules.join(lobby(), "alice", null, T0).state();
    recent.hold("g", "lobby", "secret-token");
    assertThat(recent.get("g")).as("nothing remembered: nothing held").isEmpty();

    recent.saw("g", item(lobby, Map.of()));
    recent.hold("g", "round-1", "secret-token");
    assertThat(recent.get("g").orElseThrow().held()).as("not the game's point").isNull();
    recent.hold("g", "lobby", "secret-token");
    assertThat(recent.get("g").orElseThrow().held().token()).isEqualTo("secret-token");
    assertThat(recent.get("g").orElseThrow().toString()).doesNotContain("secret-token");

    recent.saw("g", item(GameRules.join(lobby, "bob", null, T0).state(), Map.of()));
    assertThat(recent.get("g").orElseThrow().held()).as("the game left the lobby").isNull();
  }

  @Test
  void isBounded() {
    RecentGames recent = new RecentGames(8);
    for (int i = 0; i < 100; i++) {
      recent.saw("g" + i, item(lobby(), Map.of()));
    }
    assertThat(recent.size()).isLessThanOrEqualTo(8);
  }
}
