package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.history;
import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static io.clix.local.internal.sfn.SfnFixture.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import io.clix.core.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** The interpreter through the real client: state types, data flow, errors, and time on a manual clock. */
@ExtendWith(LocalStackExtension.class)
class InterpreterTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final LocalStack stack;
  private final SfnClient sfn;

  InterpreterTest(LocalStack stack, SfnClient sfn) {
    this.stack = stack;
    this.sfn = sfn;
  }

  private String run(String definition, String input) {
    return runJson(q(definition), q(input));
  }

  private String runJson(String definition, String input) {
    String machine = SfnFixture.machine(sfn, "m" + NAMES.incrementAndGet(), definition);
    String execution = SfnFixture.start(sfn, machine, input);
    stack.awaitIdle();
    return execution;
  }

  @Test
  void passChainAppliesDataFlowInOrder() {
    String arn = run("{'StartAt':'A','States':{"
        + "'A':{'Type':'Pass','InputPath':'$.in','Parameters':{'x.$':'$.v','ctx.$':'$$.State.Name'},"
        + "'ResultPath':'$.result','OutputPath':'$.result','Next':'B'},"
        + "'B':{'Type':'Pass','Result':{'fixed':1},'ResultPath':'$.r','End':true}}}", "{'in':{'v':42}}");
    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(done.output())).isEqualTo(json(q("{'x':42,'ctx':'A','r':{'fixed':1}}")));
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
        "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
  }

  @Test
  void choiceTakesTheFirstMatchingRuleOrTheDefault() {
    String definition = "{'StartAt':'C','States':{"
        + "'C':{'Type':'Choice','Choices':[{'Variable':'$.n','NumericGreaterThan':10,'Next':'Big'},"
        + "{'And':[{'Variable':'$.s','IsPresent':true},{'Variable':'$.s','StringMatches':'a*'}],'Next':'A'}],"
        + "'Default':'Other'},"
        + "'Big':{'Type':'Pass','Result':'big','End':true},"
        + "'A':{'Type':'Pass','Result':'a','End':true},"
        + "'Other':{'Type':'Succeed'}}}";
    assertThat(describe(sfn, run(definition, "{'n':11}")).output()).isEqualTo("\"big\"");
    assertThat(describe(sfn, run(definition, "{'n':1,'s':'abc'}")).output()).isEqualTo("\"a\"");
    assertThat(json(describe(sfn, run(definition, "{'n':1}")).output())).isEqualTo(json("{\"n\":1}"));
  }

  @Test
  void choiceWithoutMatchOrDefaultFailsTheExecution() {
    String arn = run("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
        + "{'Variable':'$.n','NumericEquals':1,'Next':'D'}]},'D':{'Type':'Succeed'}}}", "{'n':2}");
    assertThat(describe(sfn, arn).error()).isEqualTo("States.Runtime");
    assertThat(describe(sfn, arn).cause()).startsWith("An error occurred while executing the state 'C'");
  }

  @Test
  void waitStatesWaitOnTheManualClock(ManualClock clock) {
    String arn = run("{'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.s','Next':'T'},"
        + "'T':{'Type':'Wait','Timestamp':'2030-01-01T00:00:00Z','End':true}}}", "{'s':3600}");
    assertThat(describe(sfn, arn).status()).isEqualTo(ExecutionStatus.RUNNING);
    stack.advance(Duration.ofMinutes(59));
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted", "WaitStateEntered");
    stack.advance(Duration.ofMinutes(1));
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited",
        "WaitStateEntered");
    clock.advanceTo(java.time.Instant.parse("2030-01-01T00:00:00Z"));
    stack.awaitIdle();
    assertThat(describe(sfn, arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(describe(sfn, arn).stopDate()).isEqualTo(java.time.Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void parallelCollectsBranchOutputsInOrder() {
    String arn = run("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
        + "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'Next':'X'},'X':{'Type':'Pass','Result':1,'End':true}}},"
        + "{'StartAt':'Y','States':{'Y':{'Type':'Pass','Result':2,'End':true}}}]}}}", "{}");
    assertThat(describe(sfn, arn).status()).isEqualTo(ExecutionStatus.RUNNING);
    stack.advance(Duration.ofSeconds(5));
    assertThat(describe(sfn, arn).output()).isEqualTo("[1,2]");
    assertThat(types(sfn, arn)).startsWith("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted")
        .endsWith("ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
  }

  @Test
  void mapRunsIterationsWithItemSelectorAndMaxConcurrency() {
    String arn = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','MaxConcurrency':1,"
        + "'ItemSelector':{'v.$':'$$.Map.Item.Value','i.$':'$$.Map.Item.Index','k.$':'$.k'},"
        + "'ItemProcessor':{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'Next':'X'},"
        + "'X':{'Type':'Pass','End':true}}},'End':true}}}", "{'items':['a','b','c'],'k':7}");
    stack.advance(Duration.ofSeconds(10));
    assertThat(describe(sfn, arn).status()).as("one at a time: 30 s in all").isEqualTo(ExecutionStatus.RUNNING);
    stack.advance(Duration.ofSeconds(20));
    assertThat(json(describe(sfn, arn).output())).isEqualTo(json(q(
        "[{'v':'a','i':0,'k':7},{'v':'b','i':1,'k':7},{'v':'c','i':2,'k':7}]")));
    var events = history(sfn, arn);
    assertThat(events.get(2).mapStateStartedEventDetails().length()).isEqualTo(3);
    assertThat(events).filteredOn(e -> e.typeAsString().equals("MapIterationStarted"))
        .extracting(e -> e.mapIterationStartedEventDetails().index()).containsExactly(0, 1, 2);
  }

  @Test
  void aFailingIterationAbortsTheOthersAndRecordsWhatItCut() {
    String arn = run("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'C','States':{"
        + "'C':{'Type':'Choice','Choices':[{'Variable':'$','StringEquals':'bad','Next':'Short'}],'Default':'Long'},"
        + "'Long':{'Type':'Wait','Seconds':100,'End':true},"
        + "'Short':{'Type':'Wait','Seconds':1,'Next':'F'},"
        + "'F':{'Type':'Fail','Error':'Bad.Item'}}}}}}", "['good','bad']");
    stack.advance(Duration.ofSeconds(1));
    assertThat(describe(sfn, arn).error()).isEqualTo("Bad.Item");
    var events = history(sfn, arn);
    var types = events.stream().map(e -> e.typeAsString()).toList();
    int failure = types.indexOf("FailStateEntered");
    assertThat(types.subList(failure + 1, types.size())).containsExactly("MapIterationAborted", "WaitStateAborted",
        "MapIterationFailed", "MapStateFailed", "ExecutionFailed");
    for (int i = failure + 1; i <= failure + 4; i++) {
      assertThat(events.get(i).previousEventId()).isEqualTo(events.get(failure).id());
    }
    assertThat(events.get(failure + 1).mapIterationAbortedEventDetails().index()).isZero();
    assertThat(events.get(failure + 3).mapIterationFailedEventDetails().index()).isEqualTo(1);
    stack.advance(Duration.ofSeconds(100));
    assertThat(history(sfn, arn)).hasSize(events.size());
  }

  @Test
  void failInsideParallelIsCaughtWithResultPath() {
    String arn = run("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
        + "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Game.Full','Cause':'no room'}}}],"
        + "'Catch':[{'ErrorEquals':['Game.Full'],'ResultPath':'$.err','Next':'Done'}],'Next':'Done'},"
        + "'Done':{'Type':'Pass','End':true}}}", "{'x':1}");
    assertThat(json(describe(sfn, arn).output())).isEqualTo(json(q(
        "{'x':1,'err':{'Error':'Game.Full','Cause':'no room'}}")));
  }

  @Test
  void uncaughtFailEndsTheExecutionWithErrorAndCause() {
    String arn = runJson(q("{'StartAt':'F','States':{'F':{'Type':'Fail','ErrorPath':'$.e','CausePath':")
        + "\"States.Format('bad {}', $.n)\"}}}", q("{'e':'Custom','n':3}"));
    DescribeExecutionResponse failed = describe(sfn, arn);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Custom");
    assertThat(failed.cause()).isEqualTo("bad 3");
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
  }

  @Test
  void missingPathFailsWithStatesRuntimeNamingTheState() {
    String arn = run("{'StartAt':'A','States':{'A':{'Type':'Pass','InputPath':'$.missing','End':true}}}", "{}");
    DescribeExecutionResponse failed = describe(sfn, arn);
    assertThat(failed.error()).isEqualTo("States.Runtime");
    assertThat(failed.cause()).startsWith("An error occurred while executing the state 'A' (entered at the event id #2).")
        .contains("$.missing");
  }

  @Test
  void outputOverTheLimitFailsWithDataLimitExceeded() {
    String big = "x".repeat(200_000);
    String arn = runJson(q("{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'a.$':'$.s','b.$':'$.s'},"
        + "'End':true}}}"), "{\"s\":\"" + big + "\"}");
    assertThat(describe(sfn, arn).error()).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void executionTimeoutSecondsTimesTheExecutionOut() {
    String arn = run("{'TimeoutSeconds':30,'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100,'End':true}}}", "{}");
    stack.advance(Duration.ofSeconds(30));
    assertThat(describe(sfn, arn).status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut");
    DescribeExecutionResponse timedOut = describe(sfn, arn);
    assertThat(timedOut.error()).as("AWS reports States.Timeout only in the history").isNull();
    assertThat(timedOut.cause()).isNull();
    HistoryEvent last = history(sfn, arn).get(2);
    assertThat(last.executionTimedOutEventDetails().error()).isEqualTo("States.Timeout");
    assertThat(last.previousEventId()).isZero();
  }

  @Test
  void aWildcardOrFilterThatMatchesNothingSelectsAnEmptyArray() {
    String arn = run("{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'none.$':'$.items[?(@.n == 9)]',"
        + "'deep.$':'$..absent','each.$':'$.items[*].absent'},'End':true}}}", "{'items':[{'n':1},{'n':2}]}");
    assertThat(json(describe(sfn, arn).output())).isEqualTo(json(q("{'none':[],'deep':[],'each':[]}")));
  }

  @Test
  void aMissingPropertyBeforeAWildcardIsReportedForItsField() {
    String arn = run("{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'x.$':'$.missing[*]'},'End':true}}}",
        "{}");
    assertThat(describe(sfn, arn).cause()).isEqualTo("An error occurred while executing the state 'A' (entered at "
        + "the event id #2). The JSONPath '$.missing[*]' specified for the field 'x.$' could not be found in the input '{}'");
  }

  @Test
  void anIntegerPathFieldThatSelectsANonIntegerNamesTheFieldValueAndPath() {
    String arn = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','MaxConcurrencyPath':'$.max','ItemProcessor':{"
        + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}", "{'items':[1],'max':'many'}");
    assertThat(describe(sfn, arn).cause()).isEqualTo("An error occurred while executing the state 'M' (entered at "
        + "the event id #2). The MaxConcurrencyPath field refers to value \"many\" which is not a valid integer: $.max");
  }

  @Test
  void inputAndOutputPathsThatSelectNothingFailWithAwsWording() {
    String arn = run("{'StartAt':'A','States':{'A':{'Type':'Pass','OutputPath':'$.nothing','End':true}}}", "{}");
    assertThat(describe(sfn, arn).cause()).isEqualTo("An error occurred while executing the state 'A' (entered at "
        + "the event id #2). Invalid path '$.nothing' : No results for path: $['nothing']");
  }

  @Test
  void fiveHundredWaitingExecutionsNeedNoThreadOfTheirOwn() {
    String machine = SfnFixture.machine(sfn, "many", q("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,"
        + "'End':true}}}"));
    SfnFixture.start(sfn, machine, "{}");
    stack.awaitIdle();
    int threadsBefore = Thread.activeCount();
    for (int i = 0; i < 500; i++) {
      sfn.startExecution(b -> b.stateMachineArn(machine));
    }
    stack.awaitIdle();
    assertThat(Thread.activeCount()).isLessThan(threadsBefore + 5);
    assertThat(sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING)
        .maxResults(1000)).executions().stream().count()).isEqualTo(501);
    stack.advance(Duration.ofSeconds(60));
    assertThat(sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.SUCCEEDED)
        .maxResults(1000)).executions().stream().count()).isEqualTo(501);
  }

  @Test
  void aLoopStopsAtTheHistoryLimit() {
    String arn = run("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'C'},'C':{'Type':'Choice','Choices':["
        + "{'Variable':'$.stop','IsPresent':true,'Next':'Done'}],'Default':'A'},'Done':{'Type':'Succeed'}}}", "{}");
    DescribeExecutionResponse failed = describe(sfn, arn);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("States.Runtime");
    var last = sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true).maxResults(1)).events().get(0);
    assertThat(last.id()).isEqualTo(25_000L);
    assertThat(last.typeAsString()).isEqualTo("ExecutionFailed");
  }
}
