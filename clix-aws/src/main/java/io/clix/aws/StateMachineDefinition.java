package io.clix.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clix.aws.internal.definition.DefinitionOptions;
import io.clix.aws.internal.definition.GameLoopDefinition;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The Amazon States Language definition of the Clix game loop, generated from options (never
 * hand-written): one Standard execution per game, started with the input {@code {"gameId": ...,
 * "lobbyTimeoutSeconds": n, "roundTimeoutSeconds": n}} (positive whole seconds), that reads the game
 * item ({@code Sync}), waits in the lobby or the open round with the timeout as a Step Functions
 * timer, records a fired timer in the game item and announces it on the timer activity, and ends
 * when the game is finished or cancelled.
 *
 * <pre>{@code
 * StateMachineDefinition definition = StateMachineDefinition.builder()
 *     .correlation(Correlation.CALLBACKS)
 *     .tableName("clix-games")
 *     .activities(new ActivityArns(lobbyArn, roundArn, timersArn))
 *     .build();
 * sfn.createStateMachine(r -> r.name("clix").roleArn(role).definition(definition.toJsonString()));
 * }</pre>
 *
 * <p>The game item must carry {@code status} (S), {@code round} (N) and a {@code fired} map (empty
 * at creation); the state machine's role needs {@code dynamodb:UpdateItem} on the table (its reads
 * are updates that count them, see {@link ClixProvisioner#iamPolicies()}).
 */
public final class StateMachineDefinition {

  /** Default TimeoutSeconds of the timer activity task: 300. */
  public static final int DEFAULT_TIMER_TASK_TIMEOUT_SECONDS = 300;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Correlation correlation;
  private final String tableName;
  private final ActivityArns activities;
  private final OptionalInt heartbeatSeconds;
  private final int timerTaskTimeoutSeconds;
  private final ObjectNode json;

  private StateMachineDefinition(Builder builder) {
    this.correlation = builder.correlation;
    this.tableName = Objects.requireNonNull(builder.tableName, "tableName");
    this.activities = Objects.requireNonNull(builder.activities, "activities");
    this.heartbeatSeconds = builder.heartbeatSeconds;
    this.timerTaskTimeoutSeconds = builder.timerTaskTimeoutSeconds;
    this.json = GameLoopDefinition.build(new DefinitionOptions(
        correlation.waitStyle(),
        TextNode.valueOf(tableName),
        TextNode.valueOf(activities.lobby()),
        TextNode.valueOf(activities.round()),
        TextNode.valueOf(activities.timers()),
        heartbeatSeconds,
        timerTaskTimeoutSeconds));
  }

  /** A builder; {@code tableName} and {@code activities} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this definition's options. */
  public Builder toBuilder() {
    Builder builder = new Builder()
        .correlation(correlation)
        .tableName(tableName)
        .activities(activities)
        .timerTaskTimeoutSeconds(timerTaskTimeoutSeconds);
    heartbeatSeconds.ifPresent(builder::heartbeatSeconds);
    return builder;
  }

  public Correlation correlation() {
    return correlation;
  }

  public String tableName() {
    return tableName;
  }

  public ActivityArns activities() {
    return activities;
  }

  /** HeartbeatSeconds of the lobby and round activity tasks (activities mode), if set. */
  public OptionalInt heartbeatSeconds() {
    return heartbeatSeconds;
  }

  public int timerTaskTimeoutSeconds() {
    return timerTaskTimeoutSeconds;
  }

  /** The ASL document as a new JSON object (a copy: changing it does not change this definition). */
  public ObjectNode toJson() {
    return json.deepCopy();
  }

  /** The ASL document as compact JSON, as {@code CreateStateMachine} takes it. */
  public String toJsonString() {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateMachineDefinition && json.equals(((StateMachineDefinition) other).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "StateMachineDefinition{" + correlation + ", table=" + tableName + "}";
  }

  /** Options for a {@link StateMachineDefinition}. */
  public static final class Builder {
    Correlation correlation = Correlation.CALLBACKS;
    String tableName;
    private ActivityArns activities;
    OptionalInt heartbeatSeconds = OptionalInt.empty();
    int timerTaskTimeoutSeconds = DEFAULT_TIMER_TASK_TIMEOUT_SECONDS;

    private Builder() {}

    /** How waits hand over their task tokens; default {@link Correlation#CALLBACKS}. */
    public Builder correlation(Correlation correlation) {
      this.correlation = Objects.requireNonNull(correlation, "correlation");
      return this;
    }

    /** The game table the states read and write. */
    public Builder tableName(String tableName) {
      this.tableName = DefinitionOptions.tableName(tableName);
      return this;
    }

    /** The three shared activities; the lobby and round ones are used only in activities mode. */
    public Builder activities(ActivityArns activities) {
      this.activities = Objects.requireNonNull(activities, "activities");
      return this;
    }

    /**
     * HeartbeatSeconds of the lobby and round activity tasks (activities mode only): a router that
     * holds a wait must heartbeat it, and a missed heartbeat sends the execution back to
     * {@code Sync}, which issues the wait again.
     */
    public Builder heartbeatSeconds(int seconds) {
      this.heartbeatSeconds = OptionalInt.of(DefinitionOptions.positiveSeconds(seconds, "heartbeatSeconds"));
      return this;
    }

    /** TimeoutSeconds of the timer activity task; default 300. */
    public Builder timerTaskTimeoutSeconds(int seconds) {
      this.timerTaskTimeoutSeconds = DefinitionOptions.positiveSeconds(seconds, "timerTaskTimeoutSeconds");
      return this;
    }

    /**
     * The definition.
     *
     * @throws NullPointerException if the table name or the activities are missing
     */
    public StateMachineDefinition build() {
      return new StateMachineDefinition(this);
    }
  }
}
