package io.clix.spring;

import io.clix.aws.Correlation;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code clix.*} properties of {@link ClixAutoConfiguration}: which orchestrator runs
 * ({@code clix.mode}), and for the AWS one its table, state machine, correlation mode, task router
 * and whether to provision the deployment on start ({@code clix.aws.*}).
 */
@ConfigurationProperties(prefix = "clix")
public class ClixProperties {

  /** Which GameOrchestrator to run: aws (default) or memory (in-process; needs clix-testkit). */
  private Mode mode = Mode.AWS;

  /** Record Clix's metrics to the application's MeterRegistry, when it has one. */
  private boolean metricsEnabled = true;

  /** Trace every public call through the application's OpenTelemetry, when it has one. */
  private boolean tracingEnabled = true;

  private final Aws aws = new Aws();

  /** The orchestrators the starter can run. */
  public enum Mode {
    /** {@code AwsGameOrchestrator} on the application's Step Functions and DynamoDB clients. */
    AWS,
    /** {@code InMemoryGameOrchestrator}: games in this process only. */
    MEMORY
  }

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public boolean isMetricsEnabled() {
    return metricsEnabled;
  }

  public void setMetricsEnabled(boolean metricsEnabled) {
    this.metricsEnabled = metricsEnabled;
  }

  public boolean isTracingEnabled() {
    return tracingEnabled;
  }

  public void setTracingEnabled(boolean tracingEnabled) {
    this.tracingEnabled = tracingEnabled;
  }

  public Aws getAws() {
    return aws;
  }

  /** The AWS orchestrator's options. */
  public static class Aws {

    /** The game table. */
    private String tableName = "clix-games";

    /** ARN of the game-loop state machine; required unless provision.on-start is true. */
    private String stateMachineArn;

    /** How the state machine hands over task tokens; must match its definition. */
    private Correlation correlation = Correlation.CALLBACKS;

    /** Prefix of the shared activities (PREFIX-lobby, -round, -timers); setting it turns the task router on. */
    private String activityPrefix;

    /** Long polls the task router keeps outstanding (0 turns the router off). */
    private int routerWorkers = 4;

    /** Heartbeat interval of stored activity tasks, when the definition sets HeartbeatSeconds. */
    private Duration heartbeat;

    /** The worker name the router's polls carry; default clix-PID. */
    private String workerName;

    /** How long a finished game's records stay before DynamoDB's TTL removes them. */
    private Duration retention = Duration.ofDays(7);

    private final Provision provision = new Provision();

    public String getTableName() {
      return tableName;
    }

    public void setTableName(String tableName) {
      this.tableName = tableName;
    }

    public String getStateMachineArn() {
      return stateMachineArn;
    }

    public void setStateMachineArn(String stateMachineArn) {
      this.stateMachineArn = stateMachineArn;
    }

    public Correlation getCorrelation() {
      return correlation;
    }

    public void setCorrelation(Correlation correlation) {
      this.correlation = correlation;
    }

    public String getActivityPrefix() {
      return activityPrefix;
    }

    public void setActivityPrefix(String activityPrefix) {
      this.activityPrefix = activityPrefix;
    }

    public int getRouterWorkers() {
      return routerWorkers;
    }

    public void setRouterWorkers(int routerWorkers) {
      this.routerWorkers = routerWorkers;
    }

    public Duration getHeartbeat() {
      return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
      this.heartbeat = heartbeat;
    }

    public String getWorkerName() {
      return workerName;
    }

    public void setWorkerName(String workerName) {
      this.workerName = workerName;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public Provision getProvision() {
      return provision;
    }
  }

  /** Provisioning of the table, activities and state machine when the application starts. */
  public static class Provision {

    /** Create or update the table, activities and state machine on start (idempotent); needs role-arn. */
    private boolean onStart;

    /** The state machine's name when provisioning. */
    private String stateMachineName = "clix-game";

    /** The IAM role the provisioned state machine runs as. */
    private String roleArn;

    /** The activities' prefix when provisioning (clix.aws.activity-prefix wins if set). */
    private String activityPrefix = "clix";

    /** How often provisioning polls a new table until it is active. */
    private Duration tableWaitInterval = Duration.ofSeconds(1);

    public boolean isOnStart() {
      return onStart;
    }

    public void setOnStart(boolean onStart) {
      this.onStart = onStart;
    }

    public String getStateMachineName() {
      return stateMachineName;
    }

    public void setStateMachineName(String stateMachineName) {
      this.stateMachineName = stateMachineName;
    }

    public String getRoleArn() {
      return roleArn;
    }

    public void setRoleArn(String roleArn) {
      this.roleArn = roleArn;
    }

    public String getActivityPrefix() {
      return activityPrefix;
    }

    public void setActivityPrefix(String activityPrefix) {
      this.activityPrefix = activityPrefix;
    }

    public Duration getTableWaitInterval() {
      return tableWaitInterval;
    }

    public void setTableWaitInterval(Duration tableWaitInterval) {
      this.tableWaitInterval = tableWaitInterval;
    }
  }
}
