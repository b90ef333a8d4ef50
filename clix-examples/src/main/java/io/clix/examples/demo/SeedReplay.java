package io.clix.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/**
 * Part 1 of the demo: the seed as written. One state machine whose {@code WaitingForPlayers} is a
 * Task on one shared {@code JoinGame} activity ({@code TimeoutSeconds: 20}); "startGame" starts an
 * execution per game with {@code {"gameId": ...}}; "joinGame" calls GetActivityTask and completes
 * whatever task it got. Counts the joins that completed another game's task.
 */
final class SeedReplay {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Outcome(int games, int joins, int completed, int mixUps, List<String> lines) {}

  private SeedReplay() {}

  static Outcome run(LocalStack stack, SfnClient sfn, int games, int playersPerGame) throws Exception {
    String activityArn = sfn.createActivity(b -> b.name("JoinGame")).activityArn();
    String machineArn = sfn.createStateMachine(b -> b
        .name("GameStateMachine")
        .roleArn("arn:aws:iam::" + stack.accountId() + ":role/ExecutionRole")
        .definition(seedDefinition(activityArn).toString())).stateMachineArn();

    // startGame: one execution per game.
    List<String> gameIds = new ArrayList<>();
    for (int g = 1; g <= games; g++) {
      String gameId = "seed-game-" + g;
      ObjectNode input = JSON.createObjectNode().put("gameId", gameId);
      sfn.startExecution(b -> b.stateMachineArn(machineArn).name(gameId).input(input.toString()));
      gameIds.add(gameId);
    }

    // joinGame: every player of every game polls the one shared activity, concurrently, in random order.
    List<String[]> joins = new ArrayList<>();
    for (String gameId : gameIds) {
      for (int p = 1; p <= playersPerGame; p++) {
        joins.add(new String[] {gameId, gameId.replace("seed-game-", "g") + "-player-" + p});
      }
    }
    Collections.shuffle(joins, new Random(7));
    CountDownLatch allTasksTaken = new CountDownLatch(games);
    AtomicInteger mixUps = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(joins.size());
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (String[] join : joins) {
        calls.add(pool.submit(() -> {
          GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activityArn).workerName(join[1]));
          if (task.taskToken() == null || task.taskToken().isEmpty()) {
            return null; // the long poll ended empty: no task left
          }
          JsonNode input = JSON.readTree(task.input());
          String taskGame = input.path("gameId").asText();
          ObjectNode output = ((ObjectNode) input).put("joinedBy", join[1]);
          sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output(output.toString()));
          completed.incrementAndGet();
          if (!taskGame.equals(join[0])) {
            mixUps.incrementAndGet();
            lines.add("  " + join[1] + " (a player of " + join[0] + ") completed the task of " + taskGame);
          }
          allTasksTaken.countDown();
          return null;
        }));
      }
      if (!allTasksTaken.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the seed's executions did not hand out their tasks");
      }
      // The players left over are still long-polling: let the stack's clock pass the 60 s poll. A
      // poll whose request had not reached the stack yet starts its 60 s after an advance, so
      // advance again until every poll has answered.
      for (int advances = 0; !allDone(calls); advances++) {
        if (advances == 50) {
          throw new IllegalStateException("long polls still open after 50 advances of the clock");
        }
        stack.advance(Duration.ofSeconds(61));
        awaitAll(calls, 200);
      }
      for (Future<?> call : calls) {
        call.get(); // rethrows a player's failure
      }
    } finally {
      pool.shutdownNow();
    }
    Collections.sort(lines);
    return new Outcome(games, joins.size(), completed.get(), mixUps.get(), List.copyOf(lines));
  }

  private static boolean allDone(List<Future<?>> calls) {
    return calls.stream().allMatch(Future::isDone);
  }

  /** Waits up to {@code millis} in all for the calls to finish. */
  private static void awaitAll(List<Future<?>> calls, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (Future<?> call : calls) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        call.get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // a failure is rethrown later; a slow call is waited for on the next round
      }
    }
  }

  /** The seed's definition, as its blog post shows it. */
  private static ObjectNode seedDefinition(String activityArn) {
    ObjectNode definition = JSON.createObjectNode();
    definition.put("StartAt", "WaitingForPlayers");
    ObjectNode waiting = definition.putObject("States").putObject("WaitingForPlayers");
    waiting.put("Type", "Task").put("Resource", activityArn).put("TimeoutSeconds", 20).put("End", true);
    return definition;
  }
}
