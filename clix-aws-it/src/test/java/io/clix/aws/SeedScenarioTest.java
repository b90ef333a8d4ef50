package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The seed's failure, as an end-to-end test: 50 games at once, 4 players each, every join and move
 * sent in random order through one of two orchestrator instances (one called sync, one async)
 * that share the table and the state machine (and, with activities, the shared activities). Every
 * game must end with exactly its own players and moves, and no completion may land on another
 * game: every task output in every execution's history must name that execution's own game.
 */
class SeedScenarioTest {

  private static final int GAMES = 50;
  private static final int PLAYERS = 4;
  private static final int ROUNDS = 2;

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void fiftyGamesOnSharedInfrastructureNeverCrossWires(Correlation correlation) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator one = aws.orchestrator("instance-1");
      AwsGameOrchestrator two = aws.orchestrator("instance-2");
      Map<String, List<GameEvent>> heard = new ConcurrentHashMap<>();
      one.addListener(e -> heard.computeIfAbsent(e.gameId(), g -> Collections.synchronizedList(new ArrayList<>()))
          .add(e));
      List<String> games = IntStream.range(0, GAMES).mapToObj(i -> "seed-" + correlation + "-" + i).toList();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        Function<String, GameSpec> spec = id -> GameSpec.builder().gameId(id).capacity(PLAYERS).rounds(ROUNDS)
            .lobbyTimeout(Duration.ofMinutes(5)).roundTimeout(Duration.ofMinutes(5)).build();
        run(pool, random, games, id -> via(random, () -> one.createGame(spec.apply(id)),
            () -> two.createGameAsync(spec.apply(id))));
        List<String[]> joins = new ArrayList<>();
        games.forEach(g -> IntStream.range(0, PLAYERS).forEach(p -> joins.add(new String[] {g, player(g, p)})));
        run(pool, random, joins, j -> via(random, () -> one.join(j[0], j[1]), () -> two.joinAsync(j[0], j[1], null)));
        for (int round = 1; round <= ROUNDS; round++) {
          int r = round;
          run(pool, random, joins, j -> via(random, () -> one.submitMove(j[0], j[1], r, move(j[0], j[1], r)),
              () -> two.submitMoveAsync(j[0], j[1], r, move(j[0], j[1], r))));
        }
      } finally {
        pool.shutdownNow();
      }
      aws.settle();

      for (String game : games) {
        GameView view = two.describe(game);
        assertThat(view.status()).as("game %s (seed %d)", game, seed).isEqualTo(GameStatus.FINISHED);
        assertThat(view.players()).extracting(p -> p.playerId())
            .containsExactlyInAnyOrderElementsOf(players(game));
        List<GameEvent> events = one.events(game, 0);
        assertThat(events).allSatisfy(e -> assertThat(e.gameId()).isEqualTo(game));
        assertThat(events).extracting(GameEvent::sequence)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, events.size()).mapToObj(i -> (long) i).toList());
        assertThat(events).filteredOn(e -> e.type() == EventType.GAME_STARTED).hasSize(1);
        List<GameEvent> closed = events.stream().filter(e -> e.type() == EventType.ROUND_CLOSED).toList();
        assertThat(closed).hasSize(ROUNDS);
        for (GameEvent c : closed) {
          int round = c.round().orElseThrow();
          JsonNode moves = c.data().path("moves");
          assertThat(c.data().path("missing")).isEmpty();
          assertThat(iterable(moves.fieldNames())).containsExactlyInAnyOrderElementsOf(players(game));
          players(game).forEach(p -> assertThat(moves.get(p)).isEqualTo(move(game, p, round)));
        }
        assertThat(heard.get(game)).as("events heard by instance-1 for %s", game)
            .extracting(GameEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(aws.executionStatus(game)).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertEveryCompletionNamesItsOwnGame(aws, game);
      }
    }
  }

  /** Every output a wait or timer task completed with in this game's execution names this game. */
  private static void assertEveryCompletionNamesItsOwnGame(ClixLocalEnvironment aws, String game) throws Exception {
    List<HistoryEvent> history = new ArrayList<>();
    aws.sfn().getExecutionHistoryPaginator(b -> b.executionArn(aws.executionArn(game)).maxResults(1000)).events()
        .forEach(history::add);
    Set<String> named = new TreeSet<>();
    int completions = 0;
    for (HistoryEvent e : history) {
      String output = null;
      if (e.activitySucceededEventDetails() != null) {
        output = e.activitySucceededEventDetails().output();
      } else if (e.taskSucceededEventDetails() != null && e.taskSucceededEventDetails().resource() != null
          && e.taskSucceededEventDetails().resource().contains("waitForTaskToken")) {
        output = e.taskSucceededEventDetails().output();
      }
      if (output != null) {
        completions++;
        named.add(ClixJson.mapper().readTree(output).path("gameId").asText());
      }
    }
    assertThat(completions).as("completed waits of %s", game).isGreaterThan(0);
    assertThat(named).as("games named by the completions of %s", game).containsExactly(game);
  }

  private static <T> void run(ExecutorService pool, Random random, List<T> items,
      Function<T, CompletableFuture<?>> call) {
    List<T> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, random);
    List<CompletableFuture<?>> all = shuffled.stream()
        .map(item -> CompletableFuture.supplyAsync(() -> call.apply(item), pool).thenCompose(f -> f))
        .collect(Collectors.toList());
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  /** Half the calls through instance 1's sync methods, half through instance 2's async ones, at random. */
  private static CompletableFuture<?> via(Random random, Supplier<Object> syncOnOne,
      Supplier<CompletableFuture<?>> asyncOnTwo) {
    boolean first;
    synchronized (random) {
      first = random.nextBoolean();
    }
    return first ? CompletableFuture.completedFuture(syncOnOne.get()) : asyncOnTwo.get();
  }

  private static String player(String game, int p) {
    return game + "-p" + p;
  }

  private static List<String> players(String game) {
    return IntStream.range(0, PLAYERS).mapToObj(p -> player(game, p)).toList();
  }

  private static ObjectNode move(String game, String player, int round) {
    return JsonNodeFactory.instance.objectNode().put("game", game).put("player", player).put("round", round);
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
