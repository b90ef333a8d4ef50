package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.ROLE;
import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.Tag;

/** Operations beyond machines, executions and activities, as the Step Functions API reference documents them. */
@ExtendWith(LocalStackExtension.class)
class VersionsTagsAndSyncTest {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final String PASS = q("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'v1','End':true}}}");
  private static final String PASS2 = q("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'v2','End':true}}}");

  private final LocalStack stack;
  private final SfnClient sfn;

  VersionsTagsAndSyncTest(LocalStack stack, SfnClient sfn) {
    this.stack = stack;
    this.sfn = sfn;
  }

  @Test
  void publishedVersionsRunTheirOwnDefinitionAndAliasesRouteToThem() {
    String name = "versioned" + NAMES.incrementAndGet();
    var created = sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(PASS).publish(true)
        .versionDescription("first"));
    String machine = created.stateMachineArn();
    assertThat(created.stateMachineVersionArn()).isEqualTo(machine + ":1");
    assertThat(sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn())
        .as("an unchanged revision is not published twice").isEqualTo(machine + ":1");
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(PASS2));
    String v2 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
    assertThat(v2).isEqualTo(machine + ":2");
    assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(machine)).stateMachineVersions())
        .extracting(v -> v.stateMachineVersionArn()).containsExactly(machine + ":2", machine + ":1");
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(machine + ":1")).description()).isEqualTo("first");

    String alias = sfn.createStateMachineAlias(b -> b.name("live").routingConfiguration(
        r -> r.stateMachineVersionArn(machine + ":1").weight(100))).stateMachineAliasArn();
    assertThat(alias).isEqualTo(machine + ":live");
    String execution = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
    stack.awaitIdle();
    var described = describe(sfn, execution);
    assertThat(described.output()).isEqualTo("\"v1\"");
    assertThat(described.stateMachineArn()).isEqualTo(machine);
    assertThat(described.stateMachineVersionArn()).isEqualTo(machine + ":1");
    assertThat(described.stateMachineAliasArn()).isEqualTo(alias);
    DescribeStateMachineForExecutionResponse ran = sfn.describeStateMachineForExecution(b -> b.executionArn(execution));
    assertThat(ran.stateMachineArn()).isEqualTo(machine + ":1");
    assertThat(ran.definition()).isEqualTo(PASS);

    assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":1")))
        .isInstanceOf(ConflictException.class);
    sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias)
        .routingConfiguration(r -> r.stateMachineVersionArn(v2).weight(100)));
    assertThat(sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)).routingConfiguration())
        .singleElement().satisfies(r -> assertThat(r.stateMachineVersionArn()).isEqualTo(v2));
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":1"));
    assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(machine)).stateMachineAliases()).hasSize(1);
    sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void tagsAreAddedListedAndRemoved() {
    String machine = sfn.createStateMachine(b -> b.name("tagged" + NAMES.incrementAndGet()).roleArn(ROLE)
        .definition(PASS).tags(Tag.builder().key("team").value("a").build())).stateMachineArn();
    sfn.tagResource(b -> b.resourceArn(machine).tags(Tag.builder().key("env").value("test").build(),
        Tag.builder().key("team").value("b").build()));
    assertThat(sfn.listTagsForResource(b -> b.resourceArn(machine)).tags())
        .extracting(Tag::key, Tag::value).containsExactly(
            org.assertj.core.groups.Tuple.tuple("team", "b"), org.assertj.core.groups.Tuple.tuple("env", "test"));
    sfn.untagResource(b -> b.resourceArn(machine).tagKeys("team"));
    assertThat(sfn.listTagsForResource(b -> b.resourceArn(machine)).tags()).extracting(Tag::key).containsExactly("env");
    assertThatThrownBy(() -> sfn.listTagsForResource(b -> b.resourceArn(machine + "-gone")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void startSyncExecutionRunsAnExpressMachineToItsEnd() {
    SfnClient sync = sfn; // LocalStackClients turns off the sync- host prefix
    String express = sfn.createStateMachine(b -> b.name("express" + NAMES.incrementAndGet()).roleArn(ROLE)
        .type(StateMachineType.EXPRESS).definition(q("{'StartAt':'P','States':{'P':{'Type':'Pass',"
            + "'Parameters':{'got.$':'$.in'},'End':true}}}"))).stateMachineArn();
    StartSyncExecutionResponse done = sync.startSyncExecution(b -> b.stateMachineArn(express).input("{\"in\":7}"));
    assertThat(done.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("{\"got\":7}");
    assertThat(done.executionArn()).startsWith(express.replace(":stateMachine:", ":express:") + ":");

    String standard = SfnFixture.machine(sfn, "standard" + NAMES.incrementAndGet(), PASS);
    assertThatThrownBy(() -> sync.startSyncExecution(b -> b.stateMachineArn(standard)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }

  @Test
  void anExpressMachineMayNotWaitForACallback() {
    String definition = q("{'StartAt':'T','States':{'T':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','End':true}}}");
    assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("express" + NAMES.incrementAndGet()).roleArn(ROLE)
        .type(StateMachineType.EXPRESS).definition(definition)))
        .isInstanceOf(software.amazon.awssdk.services.sfn.model.InvalidDefinitionException.class)
        .hasMessageContaining("Express state machine does not support '.waitForTaskToken' service integration");
    var validated = sfn.validateStateMachineDefinition(b -> b.definition(definition).type(StateMachineType.EXPRESS));
    assertThat(validated.resultAsString()).isEqualTo("FAIL");
    assertThat(validated.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.location()).isEqualTo("/States/T/Resource"));
  }

  @Test
  void aSucceededExecutionIsNotRedrivableAndHasNoMapRuns() {
    String machine = SfnFixture.machine(sfn, "redrive" + NAMES.incrementAndGet(), PASS);
    String execution = SfnFixture.start(sfn, machine, "{}");
    stack.awaitIdle();
    assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(execution)))
        .isInstanceOf(ExecutionNotRedrivableException.class)
        .hasMessageContaining("Execution is SUCCEEDED and cannot be redriven");
    assertThat(sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns()).isEmpty();
  }
}
