package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.internal.definition.GameItemSchema;
import io.clix.core.GameStatus;
import io.clix.core.Limits;
import io.clix.local.StackSnapshot;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import io.clix.local.junit5.LocalStackClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * Deadlines fire at the instant each game announced, by Step Functions alone, whatever happens to the
 * backend instances: closed, gone without closing, away for ten minutes, killed right after a write
 * landed, or a foreign poller holding every task it gets on Clix's activities. Each scenario runs a {@link DeadlineFleet} in both correlation modes and prints its worst
 * lateness.
 */
class DeadlinesTest {

  private static final int GAMES = 24;

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void withTheOnlyInstanceClosedEveryGameEndsOnTimeAndWithNoReadAtAll(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      DeadlineFleet fleet = new DeadlineFleet("closed", GAMES);
      AwsGameOrchestrator games = aws.orchestrator("closing");
      fleet.start(games);
      aws.settle();
      games.close();
      aws.forget(games);

      aws.advance(DeadlineFleet.LONGEST);

      // No describe, no events call, no instance: the game items alone show every game ended.
      for (String id : fleet.ids()) {
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.deployment().tableName())
            .key(Map.of(GameItemSchema.PK, AttributeValue.fromS(id), GameItemSchema.SK, AttributeValue.fromN("0")))
            .consistentRead(true)).item();
        assertThat(item.get(GameItemSchema.STATUS).s()).as(id).isIn(GameStatus.FINISHED.name(),
            GameStatus.CANCELLED.name());
        assertThat(item.get(GameItemSchema.SCHEDULE).l()).as(id).isEmpty();
      }
      fleet.check("closed/" + correlation, aws.orchestrator("reader"));
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void withTheOnlyInstanceGoneWithoutClosingEveryGameEndsOnTime(Correlation correlation) throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start();
        Outage instance = new Outage(aws, "abandoned")) {
      DeadlineFleet fleet = new DeadlineFleet("abandoned", GAMES);
      fleet.start(instance.orchestrator);
      aws.settle();
      instance.down();

      aws.advance(DeadlineFleet.LONGEST);

      fleet.check("abandoned/" + correlation, aws.orchestrator("reader"));
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void withNoInstanceForTenMinutesEveryGameEndsOnTime(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      DeadlineFleet fleet = new DeadlineFleet("absent", GAMES);
      AwsGameOrchestrator games = aws.orchestrator("leaving");
      fleet.start(games);
      aws.settle();
      games.close();
      aws.forget(games);

      aws.advance(Duration.ofMinutes(10));

      fleet.check("absent-10min/" + correlation, aws.orchestrator("back"));
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void withEachJoinAndMoveKillingItsInstanceRightAfterTheWriteEveryGameEndsOnTime(Correlation correlation)
      throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start();
        Outage instance = new Outage(aws, "killed")) {
      DeadlineFleet fleet = new DeadlineFleet("killed", GAMES);
      AwsGameOrchestrator creator = aws.orchestrator(b -> b.workerName("creator").routerWorkers(0));
      int[] lost = {0};
      fleet.start(creator, instance.orchestrator, call -> {
        instance.up();
        instance.dieAfterNextWrite();
        try {
          call.run();
        } catch (RuntimeException e) {
          lost[0]++;
        }
      });
      instance.down();
      assertThat(lost[0]).as("calls whose write landed and whose answer was lost").isPositive();
      creator.close();
      aws.forget(creator);

      aws.advance(DeadlineFleet.LONGEST);

      fleet.check("killed-after-write/" + correlation, aws.orchestrator("reader"));
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void withAForeignPollerHoldingEveryTaskOnEachClixActivityEveryGameEndsOnTime(Correlation correlation)
      throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start();
        SfnClient foreign = LocalStackClients.sfn(aws.stack())) {
      DeadlineFleet fleet = new DeadlineFleet("held", GAMES);
      AwsGameOrchestrator games = aws.orchestrator("clix");
      fleet.start(games);
      aws.settle();
      games.close();
      aws.forget(games);
      ActivityArns arns = aws.activities();
      List<String> held = new CopyOnWriteArrayList<>();
      ExecutorService pollers = Executors.newFixedThreadPool(3);
      try {
        for (String activity : List.of(arns.lobby(), arns.round(), arns.timers())) {
          pollers.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
              String token = foreign.getActivityTask(r -> r.activityArn(activity).workerName("foreign")).taskToken();
              if (token != null) {
                held.add(activity); // held, never answered
              }
            }
            return null;
          });
        }
        aws.stack().advance(DeadlineFleet.LONGEST);
        aws.stack().advance(Duration.ofSeconds(DeadlineFleet.ROUND.getSeconds()));
      } finally {
        pollers.shutdownNow();
      }
      System.out.printf("foreign poller held %d tasks (%s)%n", held.size(), correlation);
      fleet.check("foreign-poller-holding/" + correlation, aws.orchestrator("reader"));
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void withAForeignPollerAnsweringEveryTaskWithAnotherGamesInputEveryGameEndsOnTimeWithinItsHistory(
      Correlation correlation) throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start();
        SfnClient foreign = LocalStackClients.sfn(aws.stack())) {
      DeadlineFleet fleet = new DeadlineFleet("answered", GAMES);
      ActivityArns arns = aws.activities();
      AtomicInteger answered = new AtomicInteger();
      ExecutorService pollers = Executors.newFixedThreadPool(3);
      try {
        // The foreign poller competes with Clix's router from the first task on.
        for (String activity : List.of(arns.lobby(), arns.round(), arns.timers())) {
          pollers.submit(() -> {
            String previous = "{\"gameId\":\"someone-else\",\"status\":\"RUNNING\",\"round\":1}";
            while (!Thread.currentThread().isInterrupted()) {
              GetActivityTaskResponse task = foreign.getActivityTask(r -> r.activityArn(activity).workerName("foreign"));
              if (task.taskToken() != null) {
                String other = previous;
                try {
                  foreign.sendTaskSuccess(r -> r.taskToken(task.taskToken()).output(other));
                  answered.incrementAndGet();
                } catch (SfnException closedMeanwhile) {
                  // the deadline ended the wait first (TaskTimedOut, TaskDoesNotExist): poll on
                }
                previous = task.input();
              }
            }
            return null;
          });
        }
        AwsGameOrchestrator games = aws.orchestrator("clix");
        fleet.start(games);
        games.close();
        aws.forget(games);
        // One second at a time, each time until the foreign poller has answered every task offered.
        for (long second = 0; second < DeadlineFleet.LONGEST.plus(DeadlineFleet.ROUND).getSeconds(); second++) {
          awaitAnswered(aws, arns);
          aws.stack().advance(Duration.ofSeconds(1));
        }
        awaitAnswered(aws, arns);
      } finally {
        pollers.shutdownNow();
      }
      System.out.printf("foreign poller answered %d tasks with another game's input (%s)%n", answered.get(),
          correlation);
      fleet.check("foreign-poller-answering/" + correlation, aws.orchestrator("reader"));
      int budget = (DeadlineFleet.ROUNDS + 1) * Limits.MAX_HISTORY_EVENTS_PER_WAIT + 20;
      int longest = fleet.ids().stream().mapToInt(id -> aws.history(id).size()).max().orElseThrow();
      System.out.printf("longest history: %d events (budget %d, %s)%n", longest, budget, correlation);
      assertThat(longest).as("history events of the longest game").isLessThanOrEqualTo(budget);
    }
  }

  /** Until the stack is idle with no task queued on Clix's activities or held by the foreign poller. */
  private static void awaitAnswered(ClixLocalEnvironment aws, ActivityArns arns) {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      aws.stack().awaitIdle();
      StackSnapshot s = aws.stack().snapshot();
      boolean answered = s.queued(arns.lobby()) == 0 && s.queued(arns.round()) == 0 && s.queued(arns.timers()) == 0
          && s.tasksInFlight().stream().noneMatch(t -> t.workerName().equals("foreign"));
      if (answered) {
        return;
      }
      Duration left = Duration.ofNanos(giveUp - System.nanoTime());
      if (left.isNegative() || !aws.stack().awaitAnswer(s.generation(), left)) {
        throw new AssertionError("the foreign poller did not answer within 30 s: " + s);
      }
    }
  }
}
