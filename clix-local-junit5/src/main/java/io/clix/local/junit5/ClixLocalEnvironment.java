package io.clix.local.junit5;

import io.clix.aws.ActivityArns;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.AwsGameOrchestratorBuilder;
import io.clix.aws.ClixDeployment;
import io.clix.aws.ClixProvisioner;
import io.clix.aws.Correlation;
import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;
import io.clix.testkit.contract.ContractEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Clix on the local stack with time skipping, the way Temporal's {@code TestWorkflowEnvironment}
 * serves workflows: a {@link LocalStack} on its own {@link ManualClock}, one Clix deployment made by
 * {@link ClixProvisioner} in a {@link Correlation} mode, SDK clients pointed at the stack, and
 * {@link AwsGameOrchestrator}s that share the clock and are closed with the environment.
 *
 * <p>{@link #advance(Duration)} moves the clock one due timer at a time and returns only once every
 * timer on the way has fired, in order, and everything it set off has been processed by the stack
 * and by every live orchestrator (task routing, timer folds, listener deliveries). {@link #settle()}
 * decides "done" from counters, never from a quiet window: the stack's own (work due, activity
 * tasks handed out or waiting for a poll, calls answered) against each orchestrator's (tasks
 * received, tasks and heartbeats in progress). In JUnit 5 tests, {@link ClixLocalExtension} injects
 * one per test.
 *
 * <pre>{@code
 * try (ClixLocalEnvironment env = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES).start()) {
 *   GameOrchestrator games = env.orchestrator();
 *   games.createGame(GameSpec.builder().gameId("g").capacity(2).lobbyTimeout(Duration.ofSeconds(20)).build());
 *   env.advance(Duration.ofSeconds(20)); // the lobby has timed out and every listener has heard it
 * }
 * }</pre>
 */
public final class ClixLocalEnvironment implements AutoCloseable {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final String ROLE = "arn:aws:iam::123456789012:role/clix-local";

  private final Builder options;
  private final Clock clock;
  private final LocalStack stack;
  private final SfnClient sfn;
  private final DynamoDbClient dynamoDb;
  private final SfnAsyncClient sfnAsync;
  private final DynamoDbAsyncClient dynamoDbAsync;
  private final String prefix;
  private final ClixDeployment deployment;
  private final Settling settling;
  private final List<AwsGameOrchestrator> orchestrators = new CopyOnWriteArrayList<>();
  private final AtomicInteger workers = new AtomicInteger();
  private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

  private ClixLocalEnvironment(Builder b) {
    this.options = b.copy();
    this.clock = b.clock != null ? b.clock : ManualClock.create();
    this.stack = LocalStack.builder().clock(clock).start();
    try {
      ClientOverrideConfiguration.Builder override = b.override == null
          ? ClientOverrideConfiguration.builder() : b.override.toBuilder();
      b.interceptors.forEach(override::addExecutionInterceptor);
      ClientOverrideConfiguration config = override.build();
      this.sfn = LocalStackClients.sfn(stack, config);
      this.dynamoDb = LocalStackClients.dynamoDb(stack, config);
      this.sfnAsync = LocalStackClients.sfnAsync(stack, config);
      this.dynamoDbAsync = LocalStackClients.dynamoDbAsync(stack, config);
      this.prefix = (b.namePrefix != null ? b.namePrefix : "clix") + NAMES.incrementAndGet();
      ClixProvisioner.Builder provisioner = ClixProvisioner.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
          .tableName(prefix + "-games").stateMachineName(prefix + "-" + b.correlation.name().toLowerCase())
          .activityPrefix(prefix).roleArn(ROLE).correlation(b.correlation)
          .tableWait(Duration.ofMillis(20), Duration.ofSeconds(30));
      if (b.heartbeatSeconds > 0) {
        provisioner.heartbeatSeconds(b.heartbeatSeconds);
      }
      this.deployment = provisioner.build().provision();
      this.settling = new Settling(stack, orchestrators, b.settleLimit);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** A builder with the defaults: a new manual clock, {@link Correlation#CALLBACKS}, no heartbeats. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this environment's options (its clock too, unless replaced), to start another one alike. */
  public Builder toBuilder() {
    return options.copy().clock(clock);
  }

  /** The local stack. */
  public LocalStack stack() {
    return stack;
  }

  /** The clock the stack and every orchestrator run on. */
  public Clock clock() {
    return clock;
  }

  /**
   * The manual clock; {@link #advance} moves it.
   *
   * @throws IllegalStateException if the environment was built on another clock
   */
  public ManualClock manualClock() {
    if (!(clock instanceof ManualClock)) {
      throw new IllegalStateException("this environment runs on " + clock + ", not a ManualClock");
    }
    return (ManualClock) clock;
  }

  public Correlation correlation() {
    return deployment.correlation();
  }

  /** The table, state machine and activities the environment provisioned. */
  public ClixDeployment deployment() {
    return deployment;
  }

  /** The state machine's name (executions are named after game ids). */
  public String stateMachineName() {
    return prefix + "-" + correlation().name().toLowerCase();
  }

  public ActivityArns activities() {
    return deployment.activities();
  }

  public SfnClient sfn() {
    return sfn;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public SfnAsyncClient sfnAsync() {
    return sfnAsync;
  }

  public DynamoDbAsyncClient dynamoDbAsync() {
    return dynamoDbAsync;
  }

  /** A new orchestrator instance on the deployment (one "backend instance"); closed with the environment. */
  public AwsGameOrchestrator orchestrator() {
    return orchestrator(b -> b);
  }

  /** A new orchestrator whose router polls carry worker names starting with {@code workerName}. */
  public AwsGameOrchestrator orchestrator(String workerName) {
    return orchestrator(b -> b.workerName(workerName + "-" + workers.incrementAndGet()));
  }

  /**
   * A new orchestrator from {@link #orchestratorBuilder()} changed by {@code customize} (another
   * state machine, no router, a heartbeat, clients of your own); closed with the environment.
   */
  public AwsGameOrchestrator orchestrator(UnaryOperator<AwsGameOrchestratorBuilder> customize) {
    return adopt(customize.apply(orchestratorBuilder()).build());
  }

  /**
   * A builder on this environment's clients, deployment, clock (and its scheduler) with a unique
   * worker name; build it yourself and {@link #adopt} the result to have it settled and closed.
   */
  public AwsGameOrchestratorBuilder orchestratorBuilder() {
    return AwsGameOrchestrator.builder()
        .sfnClient(sfn).dynamoDbClient(dynamoDb).sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync)
        .deployment(deployment).clock(clock).workerName(prefix + "-w" + workers.incrementAndGet());
  }

  /**
   * Puts an orchestrator on this stack under the environment's watch: settling waits for every
   * task the stack hands to its router, and closing the environment closes it. Its worker name
   * must be unique among the watched orchestrators.
   */
  public AwsGameOrchestrator adopt(AwsGameOrchestrator orchestrator) {
    settling.watch(Objects.requireNonNull(orchestrator, "orchestrator"), true);
    orchestrators.add(orchestrator);
    return orchestrator;
  }

  /**
   * As {@link #adopt}, for an orchestrator whose clients may lose answers (fault injection): a task
   * handed to it may never arrive, so settling waits for the work it has in progress only.
   */
  public AwsGameOrchestrator adoptLossy(AwsGameOrchestrator orchestrator) {
    settling.watch(Objects.requireNonNull(orchestrator, "orchestrator"), false);
    orchestrators.add(orchestrator);
    return orchestrator;
  }

  /** Stops watching (and closing) an orchestrator the test closed or abandoned. */
  public void forget(AwsGameOrchestrator orchestrator) {
    orchestrators.remove(orchestrator);
    settling.forget(orchestrator);
  }

  /**
   * Returns once the stack and every live orchestrator have handled everything due: no execution
   * has work due, every activity task handed out has been received and handled by the router it
   * went to, no task waits for a live router's poll, no router has a task or heartbeat in progress,
   * and no call was answered while this was checked.
   *
   * @throws IllegalStateException if that does not happen within the builder's settle limit (a
   *     stuck router, say), with {@link #diagnostics()} in the message
   */
  public void settle() {
    settling.settle();
  }

  /**
   * Moves the manual clock forward by {@code amount} one due timer at a time, settling after each,
   * so a timer the work of an earlier one arms on the way (the next round's deadline) fires within
   * {@code amount} too; returns settled.
   */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    ManualClock manual = manualClock();
    Instant target = manual.instant().plus(amount);
    settle();
    while (true) {
      Optional<Instant> next = manual.nextTimer();
      if (next.isEmpty() || next.get().isAfter(target)) {
        break;
      }
      // A timer armed on the way may be due already (armed from a time read before the last step).
      Instant now = manual.instant();
      manual.advanceTo(next.get().isBefore(now) ? now : next.get());
      settle();
    }
    manual.advanceTo(target);
    settle();
  }

  /** What is open now: executions and their states, tasks in flight, router work in progress. */
  public ClixLocalDiagnostics diagnostics() {
    return settling.diagnostics();
  }

  /** The ARN of the execution of game {@code gameId} on this deployment's state machine. */
  public String executionArn(String gameId) {
    return executionArn(stateMachineName(), gameId);
  }

  /** The ARN of the execution named {@code name} of the state machine named {@code machine}. */
  public String executionArn(String machine, String name) {
    return "arn:aws:states:" + stack.region() + ":" + stack.accountId() + ":execution:" + machine + ":" + name;
  }

  public ExecutionStatus executionStatus(String gameId) {
    return sfn.describeExecution(b -> b.executionArn(executionArn(gameId))).status();
  }

  /** The whole history of a game's execution, oldest first. */
  public List<HistoryEvent> history(String gameId) {
    return historyOf(executionArn(gameId));
  }

  /** The whole history of an execution, oldest first. */
  public List<HistoryEvent> historyOf(String executionArn) {
    List<HistoryEvent> events = new ArrayList<>();
    sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1000)).events()
        .forEach(events::add);
    return events;
  }

  /** Creates another state machine on the stack from an ASL document; returns its ARN. */
  public String createStateMachine(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(definition)).stateMachineArn();
  }

  /**
   * This environment as the contract suite's {@link ContractEnvironment}: one orchestrator made on
   * first use, {@link #advance} and {@link #settle}; closing it closes this environment.
   */
  public ContractEnvironment contractEnvironment() {
    // Through a factory typed ContractEnvironment: verifying this class then loads nothing of clix-testkit, so an
    // application that uses the environment without the contract suite (a demo, a benchmark) runs without it.
    return ContractView.of(this);
  }

  /** Closes {@code resource} (clients of a test's own, a proxy) with the environment, after the orchestrators. */
  public <T extends AutoCloseable> T closeWith(T resource) {
    resources.add(Objects.requireNonNull(resource, "resource"));
    return resource;
  }

  /** Closes every watched orchestrator, the resources given to {@link #closeWith}, the stack and the clients. */
  @Override
  public void close() {
    for (AwsGameOrchestrator o : orchestrators) {
      o.close();
    }
    orchestrators.clear();
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + resource + " failed", e);
      }
    }
    resources.clear();
    stack.close();
    sfn.close();
    dynamoDb.close();
    sfnAsync.close();
    dynamoDbAsync.close();
  }

  /** Options of a {@link ClixLocalEnvironment}. */
  public static final class Builder {
    private Clock clock;
    private Correlation correlation = Correlation.CALLBACKS;
    private int heartbeatSeconds;
    private String namePrefix;
    private ClientOverrideConfiguration override;
    private final List<ExecutionInterceptor> interceptors = new ArrayList<>();
    private Duration settleLimit = Duration.ofSeconds(60);

    private Builder() {}

    /** The clock of the stack and the orchestrators; default a new {@link ManualClock} per environment. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The deployment's correlation mode; default {@link Correlation#CALLBACKS}. */
    public Builder correlation(Correlation correlation) {
      this.correlation = Objects.requireNonNull(correlation, "correlation");
      return this;
    }

    /** HeartbeatSeconds on the activity waits (ACTIVITIES mode); 0, the default, for none. */
    public Builder heartbeatSeconds(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("heartbeatSeconds must be 0 or more: " + seconds);
      }
      this.heartbeatSeconds = seconds;
      return this;
    }

    /** The start of the table, state machine and activity names (a number is appended); default {@code clix}. */
    public Builder namePrefix(String prefix) {
      this.namePrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** Client configuration for the environment's four SDK clients (timeouts, retries, interceptors). */
    public Builder clientOverride(ClientOverrideConfiguration override) {
      this.override = Objects.requireNonNull(override, "override");
      return this;
    }

    /** Adds an interceptor to the environment's four SDK clients (to observe what crosses the wire). */
    public Builder addInterceptor(ExecutionInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** How long (real time) {@link #settle()} may take before it fails with diagnostics; default 60 s. */
    public Builder settleLimit(Duration limit) {
      if (limit == null || limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException("settleLimit must be positive: " + limit);
      }
      this.settleLimit = limit;
      return this;
    }

    Builder copy() {
      Builder b = new Builder();
      b.clock = clock;
      b.correlation = correlation;
      b.heartbeatSeconds = heartbeatSeconds;
      b.namePrefix = namePrefix;
      b.override = override;
      b.interceptors.addAll(interceptors);
      b.settleLimit = settleLimit;
      return b;
    }

    /** Starts the stack and provisions the deployment. */
    public ClixLocalEnvironment start() {
      return new ClixLocalEnvironment(this);
    }
  }
}
