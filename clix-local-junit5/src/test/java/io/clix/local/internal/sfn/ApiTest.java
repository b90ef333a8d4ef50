package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.ROLE;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The state machine and execution operations: shapes, idempotency, pagination and AWS's error names. */
@ExtendWith(LocalStackExtension.class)
class ApiTest {

  private static final String WAIT = q("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}");

  private final LocalStack stack;
  private final SfnClient sfn;

  ApiTest(LocalStack stack, SfnClient sfn) {
    this.stack = stack;
    this.sfn = sfn;
  }

  @Test
  void stateMachineLifecycle() {
    String arn = SfnFixture.machine(sfn, "Lifecycle", WAIT);
    assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Lifecycle");
    assertThat(SfnFixture.machine(sfn, "Lifecycle", WAIT)).as("identical create is idempotent").isEqualTo(arn);
    assertThatThrownBy(() -> SfnFixture.machine(sfn, "Lifecycle", q("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}")))
        .isInstanceOf(StateMachineAlreadyExistsException.class);
    DescribeStateMachineResponse described = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertThat(described.name()).isEqualTo("Lifecycle");
    assertThat(described.definition()).isEqualTo(WAIT);
    assertThat(described.roleArn()).isEqualTo(ROLE);
    assertThat(described.typeAsString()).isEqualTo("STANDARD");
    assertThat(described.statusAsString()).isEqualTo("ACTIVE");
    assertThat(described.creationDate()).isEqualTo(stack.clock().instant());

    String pass = q("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
    var updated = sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(pass));
    assertThat(updated.revisionId()).isNotBlank();
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(pass);
    assertThat(sfn.listStateMachines(b -> { }).stateMachines()).anySatisfy(m -> assertThat(m.stateMachineArn()).isEqualTo(arn));

    sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
    sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
        .isInstanceOf(StateMachineDoesNotExistException.class)
        .hasMessageStartingWith("State Machine Does Not Exist: '" + arn + "'");
  }

  @Test
  void badNamesArnsAndDefinitionsAreRejected() {
    assertThatThrownBy(() -> SfnFixture.machine(sfn, "has space", WAIT)).isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")))
        .isInstanceOf(InvalidArnException.class).hasMessageStartingWith("Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
    assertThatThrownBy(() -> SfnFixture.machine(sfn, "NoStart", q("{'States':{}}")))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("StartAt");
    assertThatThrownBy(() -> SfnFixture.machine(sfn, "NotJson", "{"))
        .isInstanceOf(InvalidDefinitionException.class);
    var verdict = sfn.validateStateMachineDefinition(b -> b.definition(q("{'States':{}}")));
    assertThat(verdict.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(verdict.diagnostics()).isNotEmpty();
    assertThat(sfn.validateStateMachineDefinition(b -> b.definition(WAIT)).result())
        .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
  }

  @Test
  void startExecutionIsIdempotentForTheSameNameAndInputWhileRunning() {
    String machine = SfnFixture.machine(sfn, "Idempotent", WAIT);
    String first = sfn.startExecution(b -> b.stateMachineArn(machine).name("e1").input("{\"a\":1}")).executionArn();
    String again = sfn.startExecution(b -> b.stateMachineArn(machine).name("e1").input("{\"a\":1}")).executionArn();
    assertThat(again).isEqualTo(first);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("e1").input("{\"a\":2}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).input("{oops")))
        .isInstanceOf(InvalidExecutionInputException.class);
    assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(first + "x")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    stack.advance(Duration.ofSeconds(10));
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("e1").input("{\"a\":1}")))
        .as("a closed execution's name is taken").isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  @Test
  void stopExecutionAbortsWithErrorAndCause() {
    String machine = SfnFixture.machine(sfn, "Stoppable", WAIT);
    String arn = SfnFixture.start(sfn, machine, "{}");
    stack.awaitIdle();
    var stopped = sfn.stopExecution(b -> b.executionArn(arn).error("Host.Left").cause("bye"));
    var described = SfnFixture.describe(sfn, arn);
    assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(described.stopDate()).isEqualTo(stopped.stopDate());
    assertThat(described.error()).isEqualTo("Host.Left");
    var events = SfnFixture.history(sfn, arn);
    assertThat(events.get(events.size() - 1).executionAbortedEventDetails().cause()).isEqualTo("bye");
    stack.advance(Duration.ofSeconds(10));
    assertThat(SfnFixture.types(sfn, arn)).containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionAborted");
  }

  @Test
  void listExecutionsFiltersByStatusAndPaginatesNewestFirst() {
    String machine = SfnFixture.machine(sfn, "Listed", WAIT);
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      started.add(sfn.startExecution(b -> b.stateMachineArn(machine).name("run-" + n)).executionArn());
    }
    stack.awaitIdle();
    sfn.stopExecution(b -> b.executionArn(started.get(0)));
    List<String> running = sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING)
        .maxResults(2)).executions().stream().map(ExecutionListItem::name).toList();
    assertThat(running).containsExactly("run-4", "run-3", "run-2", "run-1");
    var page = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(3));
    assertThat(page.executions()).hasSize(3);
    assertThat(page.nextToken()).isNotBlank();
    assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(machine + "Gone")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void historyPagesForwardAndInReverse() {
    String machine = SfnFixture.machine(sfn, "Paged", q("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},"
        + "'B':{'Type':'Pass','End':true}}}"));
    String arn = SfnFixture.start(sfn, machine, "{}");
    stack.awaitIdle();
    GetExecutionHistoryResponse first = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(4));
    assertThat(first.events()).extracting(e -> e.id()).containsExactly(1L, 2L, 3L, 4L);
    GetExecutionHistoryResponse rest = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(4)
        .nextToken(first.nextToken()));
    assertThat(rest.events()).extracting(e -> e.id()).containsExactly(5L, 6L);
    assertThat(rest.nextToken()).isNull();
    GetExecutionHistoryResponse reverse = sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true));
    assertThat(reverse.events()).extracting(e -> e.typeAsString()).containsExactly("ExecutionSucceeded",
        "PassStateExited", "PassStateEntered", "PassStateExited", "PassStateEntered", "ExecutionStarted");
    assertThat(reverse.events().get(0).previousEventId()).isEqualTo(5L);
  }
}
