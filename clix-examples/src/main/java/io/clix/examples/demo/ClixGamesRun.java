package io.clix.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Part 2 of the demo: the same games through a {@link GameOrchestrator} — a lobby, rounds of moves,
 * the end — with joins and moves of all games interleaved in random order on a thread pool; then a
 * per-game transcript from the game's own events, and a count of mix-ups (a move or player of one
 * game found in another game), which must be 0.
 */
final class ClixGamesRun {

  private final GameOrchestrator[] instances;
  private final DemoOptions options;
  private final String prefix;
  private final Random random = new Random(42);

  /** Calls are spread over {@code instances} (two backend instances sharing one table and state machine). */
  ClixGamesRun(String prefix, DemoOptions options, GameOrchestrator... instances) {
    this.prefix = prefix;
    this.options = options;
    this.instances = instances;
  }

  /** The outcome: games run, mix-ups found, and the transcript lines. */
  record Outcome(int games, int mixUps, int finished, List<String> transcript) {}

  Outcome run() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int g = 1; g <= options.games(); g++) {
      GameView game = pick().createGame(GameSpec.builder()
          .gameId(prefix + "-game-" + g)
          .capacity(options.players())
          .minPlayers(options.players())
          .lobbyTimeout(Duration.ofSeconds(20))
          .rounds(options.rounds())
          .roundTimeout(Duration.ofSeconds(30))
          .build());
      ids.add(game.gameId());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Runnable> joins = new ArrayList<>();
      for (String id : ids) {
        for (int p = 1; p <= options.players(); p++) {
          String player = id.replace(prefix + "-game-", "g") + "-player-" + p;
          joins.add(() -> pick().join(id, player));
        }
      }
      runShuffled(pool, joins);
      for (int round = 1; round <= options.rounds(); round++) {
        List<Runnable> moves = new ArrayList<>();
        for (String id : ids) {
          for (String player : pick().describe(id).activePlayerIds()) {
            int r = round;
            moves.add(() -> pick().submitMove(id, player, r, move(id, player, r)));
          }
        }
        runShuffled(pool, moves);
      }
    } finally {
      pool.shutdown();
    }
    List<String> lines = new ArrayList<>();
    int mixUps = 0;
    int finished = 0;
    for (String id : ids) {
      List<GameEvent> events = pick().events(id, 0);
      mixUps += mixUps(id, events);
      GameView view = pick().describe(id);
      if (view.status() == io.clix.core.GameStatus.FINISHED) {
        finished++;
      }
      lines.addAll(transcript(view, events));
    }
    return new Outcome(ids.size(), mixUps, finished, lines);
  }

  private GameOrchestrator pick() {
    synchronized (random) {
      return instances[random.nextInt(instances.length)];
    }
  }

  private void runShuffled(ExecutorService pool, List<Runnable> calls) throws Exception {
    synchronized (random) {
      Collections.shuffle(calls, random);
    }
    List<Future<?>> futures = new ArrayList<>();
    for (Runnable call : calls) {
      futures.add(pool.submit(call));
    }
    for (Future<?> f : futures) {
      f.get();
    }
  }

  private static ObjectNode move(String gameId, String player, int round) {
    ObjectNode move = JsonNodeFactory.instance.objectNode();
    move.put("game", gameId).put("player", player).put("round", round).put("guess", (player.hashCode() & 0x7f) + round);
    return move;
  }

  /** Players or moves in this game's events that belong to another game. */
  private int mixUps(String gameId, List<GameEvent> events) {
    String tag = gameId.replace(prefix + "-game-", "g") + "-player-";
    int found = 0;
    for (GameEvent e : events) {
      if (!e.gameId().equals(gameId)) {
        found++;
      }
      if (e.playerId().isPresent() && !e.playerId().get().startsWith(tag)) {
        found++;
      }
      if (e.type() == EventType.ROUND_CLOSED) {
        Iterator<Map.Entry<String, JsonNode>> moves = e.data().path("moves").fields();
        while (moves.hasNext()) {
          Map.Entry<String, JsonNode> m = moves.next();
          if (!m.getValue().path("game").asText().equals(gameId) || !m.getKey().startsWith(tag)) {
            found++;
          }
        }
      }
    }
    return found;
  }

  private static List<String> transcript(GameView view, List<GameEvent> events) {
    List<String> lines = new ArrayList<>();
    lines.add(view.gameId() + "  " + view.status() + "  (" + events.size() + " events pushed)");
    for (GameEvent e : events) {
      String at = e.time().toString().substring(11, 19);
      switch (e.type()) {
        case PLAYER_JOINED:
          lines.add("  " + at + "  #" + e.sequence() + " " + e.playerId().orElse("?") + " joined, seat " + e.data().path("seat").asInt());
          break;
        case GAME_STARTED:
          lines.add("  " + at + "  #" + e.sequence() + " started (" + e.data().path("trigger").asText() + ")");
          break;
        case ROUND_CLOSED:
          StringBuilder sb = new StringBuilder();
          e.data().path("moves").fields().forEachRemaining(m ->
              sb.append(sb.length() == 0 ? "" : ", ").append(m.getKey()).append('=').append(m.getValue().path("guess").asInt()));
          lines.add("  " + at + "  #" + e.sequence() + " round " + e.round().orElse(0) + " closed: " + sb
              + (e.data().path("missing").size() > 0 ? "  missing " + e.data().path("missing") : ""));
          break;
        case GAME_FINISHED:
          lines.add("  " + at + "  #" + e.sequence() + " finished (" + e.data().path("trigger").asText() + ")");
          break;
        case GAME_CANCELLED:
          lines.add("  " + at + "  #" + e.sequence() + " cancelled: " + e.data().path("reason").asText());
          break;
        default:
          break;
      }
    }
    return lines;
  }

  static void print(PrintStream out, Outcome outcome) {
    outcome.transcript().forEach(out::println);
  }
}
