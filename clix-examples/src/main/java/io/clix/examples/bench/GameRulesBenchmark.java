package io.clix.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.ClixJson;
import io.clix.core.GameSpec;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the work every orchestrator does per call: applying a rule to a game's
 * state, and (for the AWS store) writing the state as JSON and reading it back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class GameRulesBenchmark {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private GameState lobbyOfThree;
  private GameState roundWithThreeMoves;
  private String roundJson;
  private JsonNode move;

  @Setup
  public void setUp() throws Exception {
    GameSpec spec = GameSpec.builder().gameId("bench").capacity(4).minPlayers(2)
        .rounds(3).roundTimeout(Duration.ofSeconds(30)).build();
    move = JsonNodeFactory.instance.objectNode().put("card", "A");
    GameState s = GameRules.create("bench", spec, NOW).state();
    for (String p : new String[] {"p1", "p2", "p3"}) {
      s = GameRules.join(s, p, null, NOW).state();
    }
    lobbyOfThree = s;
    s = GameRules.join(s, "p4", null, NOW).state();
    for (String p : new String[] {"p1", "p2", "p3"}) {
      s = GameRules.move(s, p, 1, move, NOW).state();
    }
    roundWithThreeMoves = s;
    roundJson = ClixJson.mapper().writeValueAsString(s);
  }

  /** The join that fills the lobby: seat, start, open round 1. */
  @Benchmark
  public Object joinThatStartsTheGame() {
    return GameRules.join(lobbyOfThree, "p4", null, NOW);
  }

  /** The move that closes a round and opens the next. */
  @Benchmark
  public Object moveThatClosesTheRound() {
    return GameRules.move(roundWithThreeMoves, "p4", 1, move, NOW);
  }

  /** Serializing a running game's state, as the AWS store does on every write. */
  @Benchmark
  public String writeStateJson() throws Exception {
    return ClixJson.mapper().writeValueAsString(roundWithThreeMoves);
  }

  /** Reading it back, as the AWS store does on every read. */
  @Benchmark
  public GameState readStateJson() throws Exception {
    return ClixJson.mapper().readValue(roundJson, GameState.class);
  }
}
