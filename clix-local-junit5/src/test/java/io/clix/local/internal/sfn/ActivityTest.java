package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static io.clix.local.internal.sfn.SfnFixture.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import io.clix.local.junit5.LocalStackOptions;
import io.clix.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Activities through the real client: long polls on the stack's clock, hand-out, answers, timeouts. */
@ExtendWith(LocalStackExtension.class)
@LocalStackOptions(stackPerMethod = true)
class ActivityTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** Each long poll gets its own thread: never queued behind another on a shared pool. */
  private final ExecutorService pollers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "activity-test-poll");
    t.setDaemon(true);
    return t;
  });
  private LocalStack stack;
  private SfnClient sfn;

  @BeforeEach
  void inject(LocalStack stack, SfnClient sfn) {
    this.stack = stack;
    this.sfn = sfn;
  }

  @AfterEach
  void stopPolls() {
    pollers.shutdownNow();
  }

  private CompletableFuture<GetActivityTaskResponse> poll(String activityArn, String workerName) {
    return CompletableFuture.supplyAsync(
        () -> sfn.getActivityTask(b -> b.activityArn(activityArn).workerName(workerName)), pollers);
  }

  /** Spins (no sleep) until the long poll has reached the stack and put its 60 s timer on the clock. */
  private void awaitPollTimer() {
    ManualClock clock = (ManualClock) stack.clock();
    Instant due = clock.instant().plusSeconds(60);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!clock.nextTimer().filter(due::equals).isPresent()) {
      assertThat(System.nanoTime()).as("the long poll reached the stack").isLessThan(deadline);
      Thread.yield();
    }
  }

  private String activity() {
    return sfn.createActivity(b -> b.name("act-" + NAMES.incrementAndGet())).activityArn();
  }

  private String startTask(String activityArn, String extra) {
    String machine = SfnFixture.machine(sfn, "am" + NAMES.incrementAndGet(), q("{'StartAt':'T','States':{'T':"
        + "{'Type':'Task','Resource':'" + activityArn + "'" + extra + ",'End':true}}}"));
    String arn = SfnFixture.start(sfn, machine, "{\"n\":1}");
    stack.awaitIdle();
    return arn;
  }

  @Test
  void anEmptyLongPollEndsWhenTheClockHasAdvancedSixtySeconds() throws Exception {
    String activityArn = activity();
    CompletableFuture<GetActivityTaskResponse> poll = poll(activityArn, null);
    awaitPollTimer();
    stack.advance(Duration.ofSeconds(59));
    assertThat(poll).isNotDone();
    stack.advance(Duration.ofSeconds(1));
    GetActivityTaskResponse empty = poll.get(10, TimeUnit.SECONDS);
    assertThat(empty.taskToken()).isNull();
    assertThat(empty.input()).isNull();
  }

  @Test
  void aWaitingPollGetsTheTaskScheduledLaterAndEachTaskGoesOutOnce() throws Exception {
    String activityArn = activity();
    CompletableFuture<GetActivityTaskResponse> poll = poll(activityArn, "w1");
    awaitPollTimer();
    String execution = startTask(activityArn, "");
    GetActivityTaskResponse task = poll.get(10, TimeUnit.SECONDS);
    assertThat(task.input()).isEqualTo("{\"n\":1}");
    assertThat(task.taskToken()).hasSizeGreaterThan(80);

    CompletableFuture<GetActivityTaskResponse> second = poll(activityArn, null);
    awaitPollTimer(); // else the 60 s below may pass before the poll has even reached the stack
    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"ok\":1}"));
    stack.advance(Duration.ofSeconds(60));
    assertThat(second.get(10, TimeUnit.SECONDS).taskToken()).as("handed out once").isNull();
    assertThat(describe(sfn, execution).output()).isEqualTo("{\"ok\":1}");
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void awaitIdleReturnsOnlyOnceATaskHandedToAWaitingPollIsStartedAndItsHeartbeatArmed() throws Exception {
    String activityArn = activity();
    CompletableFuture<GetActivityTaskResponse> poll = poll(activityArn, "w2");
    awaitPollTimer();
    Instant now = stack.clock().instant();
    String execution = startTask(activityArn, ",'HeartbeatSeconds':10"); // returns after stack.awaitIdle()
    assertThat(types(sfn, execution)).containsExactly("ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
        "ActivityStarted");
    assertThat(((ManualClock) stack.clock()).nextTimer()).contains(now.plusSeconds(10));
    assertThat(poll.get(10, TimeUnit.SECONDS).taskToken()).isNotNull();
  }

  @Test
  void sendTaskFailureFailsTheExecutionWithTheWorkersErrorAndCause() {
    String activityArn = activity();
    String execution = startTask(activityArn, "");
    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activityArn));
    sfn.sendTaskFailure(b -> b.taskToken(task.taskToken()).error("Game.Full").cause("no seats"));
    stack.awaitIdle();
    var failed = describe(sfn, execution);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Game.Full");
    assertThat(failed.cause()).isEqualTo("no seats");
    assertThat(types(sfn, execution)).containsExactly("ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
        "ActivityStarted", "ActivityFailed", "ExecutionFailed");
  }

  @Test
  void heartbeatsKeepATaskAliveUntilTheyStop() {
    String activityArn = activity();
    String execution = startTask(activityArn, ",'HeartbeatSeconds':10");
    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activityArn));
    stack.advance(Duration.ofSeconds(9));
    sfn.sendTaskHeartbeat(b -> b.taskToken(task.taskToken()));
    stack.advance(Duration.ofSeconds(9));
    assertThat(describe(sfn, execution).status()).isEqualTo(ExecutionStatus.RUNNING);
    stack.advance(Duration.ofSeconds(1));
    assertThat(describe(sfn, execution).error()).isEqualTo("States.HeartbeatTimeout");
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(task.taskToken())))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void retryOnTimeoutSchedulesTheTaskAgainAfterTheInterval() {
    String activityArn = activity();
    String execution = startTask(activityArn, ",'TimeoutSeconds':5,'Retry':[{'ErrorEquals':['States.Timeout'],"
        + "'IntervalSeconds':3,'MaxAttempts':1}]");
    stack.advance(Duration.ofSeconds(5));
    stack.advance(Duration.ofSeconds(3));
    assertThat(types(sfn, execution)).containsExactly("ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
        "ActivityTimedOut", "ActivityScheduled");
    GetActivityTaskResponse first = sfn.getActivityTask(b -> b.activityArn(activityArn));
    assertThat(first.taskToken()).as("the timed-out task is not handed out").isNotNull();
    sfn.sendTaskSuccess(b -> b.taskToken(first.taskToken()).output("\"second try\""));
    stack.awaitIdle();
    assertThat(describe(sfn, execution).output()).isEqualTo("\"second try\"");
  }

  @Test
  void timeoutSecondsPathReadsTheTimeoutFromTheInput() {
    String activityArn = activity();
    String machine = SfnFixture.machine(sfn, "tsp" + NAMES.incrementAndGet(), q("{'StartAt':'T','States':{'T':"
        + "{'Type':'Task','Resource':'" + activityArn + "','TimeoutSecondsPath':'$.limit','End':true}}}"));
    String execution = SfnFixture.start(sfn, machine, "{\"limit\":7}");
    stack.advance(Duration.ofSeconds(6));
    assertThat(describe(sfn, execution).status()).isEqualTo(ExecutionStatus.RUNNING);
    stack.advance(Duration.ofSeconds(1));
    assertThat(describe(sfn, execution).error()).isEqualTo("States.Timeout");
    var scheduled = SfnFixture.history(sfn, execution).get(2).activityScheduledEventDetails();
    assertThat(scheduled.timeoutInSeconds()).isEqualTo(7L);
  }

  @Test
  void tokenAndArnErrorsAreTheOnesAwsGives() {
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    String wellFormedButUnknown = "AQ" + "A".repeat(86);
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(wellFormedButUnknown)))
        .isInstanceOf(TaskDoesNotExistException.class);
    String activityArn = activity();
    startTask(activityArn, "");
    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activityArn));
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{not json")))
        .isInstanceOf(InvalidOutputException.class);
    assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn("nope")))
        .isInstanceOf(InvalidArnException.class).hasMessageContaining("Invalid Arn");
    assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(activityArn + "-gone")))
        .isInstanceOf(ActivityDoesNotExistException.class);
    sfn.deleteActivity(b -> b.activityArn(activityArn));
    assertThatThrownBy(() -> sfn.getActivityTask(b -> b.activityArn(activityArn)))
        .isInstanceOf(ActivityDoesNotExistException.class);
  }
}
