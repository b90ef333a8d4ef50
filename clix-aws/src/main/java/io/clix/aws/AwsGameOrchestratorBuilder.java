package io.clix.aws;

import io.clix.core.time.ManualClock;
import io.clix.core.time.Scheduler;
import io.clix.aws.internal.observe.ClixMetrics;
import io.clix.aws.internal.observe.MicrometerMetrics;
import io.clix.aws.internal.observe.TracedFront;
import io.clix.core.internal.FrontHook;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Options of an {@link AwsGameOrchestrator}. Required: {@link #tableName} and {@link
 * #stateMachineArn} (or both from a {@link #deployment}), and the sync pair ({@link #sfnClient} + {@link #dynamoDbClient}) and/or the async pair. The
 * activity ARNs ({@link #activities} or {@link #activityPrefix}) turn on the task router: it
 * polls the timer activity (both modes) and the wait activities ({@link Correlation#ACTIVITIES});
 * its long polls need a Step Functions client whose read timeout exceeds 65 seconds.
 */
public final class AwsGameOrchestratorBuilder {
  SfnClient sfn;
  DynamoDbClient dynamoDb;
  SfnAsyncClient sfnAsync;
  DynamoDbAsyncClient dynamoDbAsync;
  String tableName;
  String stateMachineArn;
  Correlation correlation = Correlation.CALLBACKS;
  private ActivityArns activities;
  private String activityPrefix;
  Clock clock = Clock.systemUTC();
  private Scheduler scheduler;
  Duration retention = Duration.ofDays(7);
  int routerWorkers = 4;
  Duration heartbeat;
  String workerName = "clix-" + ProcessHandle.current().pid();
  ClixMetrics metrics = ClixMetrics.NONE;
  FrontHook tracing = FrontHook.NONE;
  io.clix.core.GameLogic gameLogic;

  AwsGameOrchestratorBuilder() {}

  /** The sync Step Functions client (used by the sync methods). */
  public AwsGameOrchestratorBuilder sfnClient(SfnClient sfn) {
    this.sfn = Objects.requireNonNull(sfn, "sfn");
    return this;
  }

  /** The sync DynamoDB client (used by the sync methods). */
  public AwsGameOrchestratorBuilder dynamoDbClient(DynamoDbClient dynamoDb) {
    this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
    return this;
  }

  /** The async Step Functions client (used by the async methods and the task router). */
  public AwsGameOrchestratorBuilder sfnAsyncClient(SfnAsyncClient sfnAsync) {
    this.sfnAsync = Objects.requireNonNull(sfnAsync, "sfnAsync");
    return this;
  }

  /** The async DynamoDB client (used by the async methods and the task router). */
  public AwsGameOrchestratorBuilder dynamoDbAsyncClient(DynamoDbAsyncClient dynamoDbAsync) {
    this.dynamoDbAsync = Objects.requireNonNull(dynamoDbAsync, "dynamoDbAsync");
    return this;
  }

  /**
   * Everything {@link ClixProvisioner#provision()} set up: the table, the state machine, its
   * activities and its correlation mode.
   */
  public AwsGameOrchestratorBuilder deployment(ClixDeployment deployment) {
    Objects.requireNonNull(deployment, "deployment");
    return tableName(deployment.tableName()).stateMachineArn(deployment.stateMachineArn())
        .activities(deployment.activities()).correlation(deployment.correlation());
  }

  /** The game table (see {@link ClixProvisioner}). */
  public AwsGameOrchestratorBuilder tableName(String tableName) {
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    return this;
  }

  /** The generated state machine every game's execution runs. */
  public AwsGameOrchestratorBuilder stateMachineArn(String stateMachineArn) {
    this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
    return this;
  }

  /** How the state machine hands over task tokens; must match its definition. Default CALLBACKS. */
  public AwsGameOrchestratorBuilder correlation(Correlation correlation) {
    this.correlation = Objects.requireNonNull(correlation, "correlation");
    return this;
  }

  /** The deployment's activities; enables the task router. */
  public AwsGameOrchestratorBuilder activities(ActivityArns activities) {
    this.activities = Objects.requireNonNull(activities, "activities");
    return this;
  }

  /** The activities as {@code <prefix>-lobby/-round/-timers} in the state machine's region and account. */
  public AwsGameOrchestratorBuilder activityPrefix(String prefix) {
    this.activityPrefix = Objects.requireNonNull(prefix, "prefix");
    return this;
  }

  /**
   * The logic every move of its games goes through, inside the move's conditional write (re-run on the fresh
   * state after a conflict), and every round's close, also one a timer made; see {@link io.clix.core.GameLogic}.
   * Register the same logic on every instance that shares the table. None by default.
   */
  public AwsGameOrchestratorBuilder gameLogic(io.clix.core.GameLogic logic) {
    this.gameLogic = Objects.requireNonNull(logic, "logic");
    return this;
  }

  /** The clock the rules read the time from; share a {@code ManualClock} with a local stack in tests. */
  public AwsGameOrchestratorBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The scheduler the orchestrator's timed work runs on: heartbeats, retry back-offs, the router's
   * pause after a failed poll. Default: the {@link #clock}'s own scheduler if it is a {@link
   * ManualClock} (so a test never waits in real time), else {@link Scheduler#system()}.
   */
  public AwsGameOrchestratorBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  Scheduler scheduler() {
    if (scheduler != null) {
      return scheduler;
    }
    return clock instanceof ManualClock ? ((ManualClock) clock).scheduler() : Scheduler.system();
  }

  /** How long a finished game's records stay before DynamoDB's TTL removes them. Default 7 days. */
  public AwsGameOrchestratorBuilder retention(Duration retention) {
    if (retention == null || retention.isNegative()) {
      throw new IllegalArgumentException("retention must be zero or more: " + retention);
    }
    this.retention = retention;
    return this;
  }

  /** Polls the router keeps outstanding (at least one per polled activity; 0 turns the router off). Default 4. */
  public AwsGameOrchestratorBuilder routerWorkers(int workers) {
    if (workers < 0 || workers > 256) {
      throw new IllegalArgumentException("routerWorkers must be 0..256: " + workers);
    }
    this.routerWorkers = workers;
    return this;
  }

  /** Heartbeat interval (on the {@link #scheduler}) for stored activity tasks, when the definition sets HeartbeatSeconds. Default none. */
  public AwsGameOrchestratorBuilder heartbeat(Duration interval) {
    if (interval != null && (interval.isZero() || interval.isNegative())) {
      throw new IllegalArgumentException("heartbeat must be positive: " + interval);
    }
    this.heartbeat = interval;
    return this;
  }

  /** The worker name the router's polls carry (GetActivityTask workerName). Default {@code clix-<pid>}. */
  public AwsGameOrchestratorBuilder workerName(String workerName) {
    this.workerName = Objects.requireNonNull(workerName, "workerName");
    return this;
  }

  /**
   * Records Clix's metrics ({@code clix.aws.calls}, {@code clix.orchestrator.requests}, ...; see the
   * README) to this Micrometer registry. Micrometer is an optional dependency: without this call
   * no Micrometer class is loaded.
   */
  public AwsGameOrchestratorBuilder meterRegistry(MeterRegistry registry) {
    this.metrics = new MicrometerMetrics(Objects.requireNonNull(registry, "registry"));
    return this;
  }

  /**
   * Traces every public call as one span (with the game id, never a task token) through this
   * OpenTelemetry. The OpenTelemetry API is an optional dependency: without this call none of it is loaded.
   */
  public AwsGameOrchestratorBuilder openTelemetry(OpenTelemetry openTelemetry) {
    this.tracing = new TracedFront(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    return this;
  }

  ActivityArns activities() {
    if (activities != null) {
      return activities;
    }
    if (activityPrefix == null) {
      return null;
    }
    String[] arn = stateMachineArn.split(":", 7);
    if (arn.length < 7) {
      throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
    }
    String base = String.join(":", arn[0], arn[1], arn[2], arn[3], arn[4]) + ":activity:" + activityPrefix;
    return new ActivityArns(base + "-lobby", base + "-round", base + "-timers");
  }

  /**
   * Builds the orchestrator and starts its task router.
   *
   * @throws IllegalStateException if a required option is missing
   */
  public AwsGameOrchestrator build() {
    if (tableName == null || stateMachineArn == null) {
      throw new IllegalStateException("tableName and stateMachineArn are required");
    }
    boolean syncPair = sfn != null && dynamoDb != null;
    boolean asyncPair = sfnAsync != null && dynamoDbAsync != null;
    if (!syncPair && !asyncPair) {
      throw new IllegalStateException("give sfnClient + dynamoDbClient, sfnAsyncClient + dynamoDbAsyncClient, or both");
    }
    if (correlation == Correlation.ACTIVITIES && activities() == null) {
      throw new IllegalStateException("ACTIVITIES correlation needs activities(...) or activityPrefix(...)");
    }
    return new DefaultAwsGameOrchestrator(this);
  }
}
