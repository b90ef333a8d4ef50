package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.history;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import io.clix.local.TaskFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** How Parallel branches and Map iterations chain their history events, in success and failure. */
class BranchHistoryTest {

  private static final String FAILING = "arn:aws:lambda:us-east-1:123456789012:function:failing";
  private static final AtomicInteger NAMES = new AtomicInteger();

  @RegisterExtension
  static final LocalStackExtension LOCAL = LocalStackExtension.builder()
      .stack(b -> b.resource(FAILING, input -> {
        throw new TaskFailure("Seat.Taken", "someone was faster");
      })).build();

  private static List<HistoryEvent> run(LocalStack stack, SfnClient sfn, String definition, String input) {
    String machine = SfnFixture.machine(sfn, "b" + NAMES.incrementAndGet(), q(definition));
    String arn = SfnFixture.start(sfn, machine, q(input));
    stack.awaitIdle();
    return history(sfn, arn);
  }

  private static HistoryEvent first(List<HistoryEvent> events, String type) {
    return events.stream().filter(e -> e.typeAsString().equals(type)).findFirst().orElseThrow();
  }

  private static List<String> types(List<HistoryEvent> events) {
    return events.stream().map(HistoryEvent::typeAsString).toList();
  }

  @Test
  void parallelSucceededSitsBesideTheLineTheExitedEventContinues(LocalStack stack, SfnClient sfn) {
    List<HistoryEvent> events = run(stack, sfn, "{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,"
        + "'Branches':[{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},"
        + "{'StartAt':'B','States':{'B':{'Type':'Pass','Next':'C'},'C':{'Type':'Pass','End':true}}}]}}}", "{}");
    HistoryEvent started = first(events, "ParallelStateStarted");
    assertThat(events).filteredOn(e -> e.typeAsString().equals("PassStateEntered")
            && List.of("A", "B").contains(e.stateEnteredEventDetails().name()))
        .extracting(HistoryEvent::previousEventId).containsOnly(started.id());
    long lastBranchEvent = first(events, "ParallelStateSucceeded").id() - 1;
    assertThat(first(events, "ParallelStateSucceeded").previousEventId()).isEqualTo(lastBranchEvent);
    assertThat(first(events, "ParallelStateExited").previousEventId()).isEqualTo(lastBranchEvent);
  }

  @Test
  void aRuntimeErrorInABranchFailsTheExecutionAtOnce(LocalStack stack, SfnClient sfn) {
    List<HistoryEvent> events = run(stack, sfn, "{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,"
        + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],"
        + "'Branches':[{'StartAt':'A','States':{'A':{'Type':'Pass','InputPath':'$.missing','End':true}}}]},"
        + "'Caught':{'Type':'Succeed'}}}", "{}");
    assertThat(types(events)).containsExactly("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted",
        "PassStateEntered", "ExecutionFailed");
    assertThat(events.get(4).previousEventId()).isEqualTo(4L);
    assertThat(events.get(4).executionFailedEventDetails().cause())
        .startsWith("An error occurred while executing the state 'A' (entered at the event id #4).");
  }

  @Test
  void aTaskFailureEndingABranchAbortsTheTaskStateAndIsRetriedWithoutAFailedEvent(LocalStack stack,
      SfnClient sfn) {
    String machine = SfnFixture.machine(sfn, "retried", q("{'StartAt':'P','States':{'P':{'Type':'Parallel',"
        + "'End':true,'Retry':[{'ErrorEquals':['Seat.Taken'],'IntervalSeconds':1,'MaxAttempts':1}],"
        + "'Branches':[{'StartAt':'Join','States':{'Join':{'Type':'Task','Resource':'" + FAILING
        + "','End':true}}}]}}}"));
    String arn = SfnFixture.start(sfn, machine, "{}");
    stack.advance(Duration.ofSeconds(1));
    List<HistoryEvent> events = history(sfn, arn);
    assertThat(types(events)).containsExactly("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted",
        "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
        "TaskStateAborted", "ParallelStateStarted", "TaskStateEntered", "LambdaFunctionScheduled",
        "LambdaFunctionStarted", "LambdaFunctionFailed", "TaskStateAborted", "ParallelStateFailed",
        "ExecutionFailed");
    HistoryEvent failed = events.get(12);
    assertThat(events.get(13).previousEventId()).isEqualTo(failed.id());
    assertThat(events.get(14).previousEventId()).as("ParallelStateFailed follows the failure, not the abort")
        .isEqualTo(failed.id());
    assertThat(events.get(8).previousEventId()).as("the retry follows the first failure").isEqualTo(7L);
  }

  @Test
  void mapIterationsStartFromMapStateStartedAndTheStateExitsFromTheLastIteration(LocalStack stack, SfnClient sfn) {
    List<HistoryEvent> events = run(stack, sfn, "{'StartAt':'M','States':{'M':{'Type':'Map','End':true,"
        + "'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}", "[1,2,3]");
    HistoryEvent started = first(events, "MapStateStarted");
    assertThat(events).filteredOn(e -> e.typeAsString().equals("MapIterationStarted"))
        .extracting(HistoryEvent::previousEventId).containsOnly(started.id());
    HistoryEvent lastIteration = events.stream().filter(e -> e.typeAsString().equals("MapIterationSucceeded"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(first(events, "MapStateSucceeded").previousEventId()).isEqualTo(lastIteration.id());
    assertThat(first(events, "MapStateExited").previousEventId()).isEqualTo(lastIteration.id());
  }
}
