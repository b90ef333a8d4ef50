package io.clix.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import io.clix.core.time.ManualClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/**
 * A benchmark of the local Step Functions (not a test): state transitions per second through a
 * 100-state Pass chain (end to end, and the interpreter alone), executions started per second,
 * and activity task round-trip latency, all through the real {@link SfnClient} over HTTP. Run:
 *
 * <pre>
 * mvn -B -ntp -q -pl clix-examples -am -DskipTests package exec:java@bench-sfn [-Dexec.args="..."]
 * </pre>
 * Arguments: [chainExecutions=200] [starts=2000] [roundTrips=500].
 */
public final class LocalSfnBenchmark {

  private static final String ROLE = "arn:aws:iam::123456789012:role/bench";

  private LocalSfnBenchmark() {}

  public static void main(String[] args) throws Exception {
    int chainExecutions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int starts = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int roundTrips = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    try (LocalStack stack = LocalStack.start();
        SfnClient sfn = LocalStackClients.sfn(stack)) {
      System.out.println("Clix local Step Functions benchmark, " + Runtime.getRuntime().availableProcessors()
          + " cores, Java " + System.getProperty("java.version"));
      transitions(stack, sfn, chainExecutions / 4); // warm-up
      transitions(stack, sfn, chainExecutions);
      releasedAtOnce(chainExecutions / 4);
      releasedAtOnce(chainExecutions);
      startRate(stack, sfn, starts / 4);
      startRate(stack, sfn, starts);
      roundTrip(stack, sfn, roundTrips / 5, true);
      roundTrip(stack, sfn, roundTrips, false);
    }
  }

  private static void transitions(LocalStack stack, SfnClient sfn, int executions) {
    ObjectNode definition = chain();
    String machine = sfn.createStateMachine(b -> b.name("chain-" + System.nanoTime()).roleArn(ROLE)
        .definition(definition.toString())).stateMachineArn();
    long start = System.nanoTime();
    for (int i = 0; i < executions; i++) {
      sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":1}"));
    }
    stack.awaitIdle();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("100-state Pass chain, end to end (StartExecution calls included): %d executions, %d state transitions in %.3f s = %,.0f transitions/s%n",
        executions, executions * 100, seconds, executions * 100 / seconds);
  }

  /**
   * The interpreter alone: executions wait at a 1 s Wait state on a manual clock, then one advance
   * releases them all and the 100 Pass states run with no client in the way.
   */
  private static void releasedAtOnce(int executions) {
    try (LocalStack stack = LocalStack.builder().clock(ManualClock.create()).start();
        SfnClient sfn = LocalStackClients.sfn(stack)) {
      ObjectNode definition = chain();
      ObjectNode wait = ((ObjectNode) definition.get("States")).putObject("Hold");
      wait.put("Type", "Wait").put("Seconds", 1).put("Next", "S0");
      definition.put("StartAt", "Hold");
      String machine = sfn.createStateMachine(b -> b.name("held").roleArn(ROLE).definition(definition.toString()))
          .stateMachineArn();
      for (int i = 0; i < executions; i++) {
        sfn.startExecution(b -> b.stateMachineArn(machine));
      }
      stack.awaitIdle();
      long start = System.nanoTime();
      stack.advance(Duration.ofSeconds(1));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("Interpreter alone (%d executions released at once by the manual clock): %d Pass "
          + "transitions in %.3f s = %,.0f transitions/s%n", executions, executions * 100, seconds,
          executions * 100 / seconds);
    }
  }

  private static ObjectNode chain() {
    ObjectNode definition = new ObjectMapper().createObjectNode().put("StartAt", "S0");
    ObjectNode states = definition.putObject("States");
    for (int i = 0; i < 100; i++) {
      ObjectNode state = states.putObject("S" + i).put("Type", "Pass");
      if (i == 99) {
        state.put("End", true);
      } else {
        state.put("Next", "S" + (i + 1));
      }
    }
    return definition;
  }

  private static void startRate(LocalStack stack, SfnClient sfn, int count) {
    String machine = sfn.createStateMachine(b -> b.name("start-" + System.nanoTime()).roleArn(ROLE)
        .definition("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}"))
        .stateMachineArn();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      sfn.startExecution(b -> b.stateMachineArn(machine));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    stack.awaitIdle();
    System.out.printf("StartExecution (one client thread, each execution then waits 1 h on a timer): "
        + "%d in %.3f s = %,.0f executions started/s%n", count, seconds, count / seconds);
  }

  private static void roundTrip(LocalStack stack, SfnClient sfn, int count, boolean warmUp) throws Exception {
    String activity = sfn.createActivity(b -> b.name("rt-" + System.nanoTime())).activityArn();
    String machine = sfn.createStateMachine(b -> b.name("rt-" + System.nanoTime()).roleArn(ROLE)
        .definition("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + activity
            + "\",\"End\":true}}}")).stateMachineArn();
    long[] micros = new long[count];
    for (int i = 0; i < count; i++) {
      CompletableFuture<GetActivityTaskResponse> poll =
          CompletableFuture.supplyAsync(() -> sfn.getActivityTask(b -> b.activityArn(activity).workerName("bench")));
      long start = System.nanoTime();
      String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"i\":1}")).executionArn();
      GetActivityTaskResponse task = poll.get();
      sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"ok\":true}"));
      stack.awaitIdle();
      micros[i] = (System.nanoTime() - start) / 1_000;
      if (!"SUCCEEDED".equals(sfn.describeExecution(b -> b.executionArn(execution)).statusAsString())) {
        throw new IllegalStateException("execution did not succeed");
      }
    }
    if (warmUp) {
      return;
    }
    Arrays.sort(micros);
    System.out.printf("Activity round trip (StartExecution -> waiting GetActivityTask gets the task -> "
        + "SendTaskSuccess -> execution SUCCEEDED), %d runs: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", count,
        micros[count / 2] / 1000.0, micros[count * 9 / 10] / 1000.0, micros[count * 99 / 100] / 1000.0);
  }
}
