package io.clix.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.InvalidRequestException.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a game does when a player misses a move (a turn's deadline passes, or a round's deadline with
 * the player's move missing), set by {@link GameSpec#missPolicy()}. By default ({@link #defaults()})
 * the miss is recorded and the game moves on, as it always did. Otherwise the spec may name a
 * {@link #defaultMove()} played for the player, forfeit a player after {@link #forfeitAfter()}
 * consecutive misses (the player becomes inactive, event {@link EventType#PLAYER_FORFEITED}, when the
 * round closes), give a player who missed last time a shorter next turn ({@link #timeoutAfterMiss()},
 * TURNS games only), and end the game when fewer than {@link GameSpec#minPlayers()} active players
 * remain after a forfeit or a leave ({@link #whenTooFew()}).
 *
 * <pre>{@code
 * MissPolicy strict = MissPolicy.builder()
 *     .defaultMove(JsonNodeFactory.instance.textNode("pass"))
 *     .forfeitAfter(3).timeoutAfterMiss(Duration.ofSeconds(15))
 *     .whenTooFew(MissPolicy.WhenTooFew.FINISH)
 *     .build();
 * }</pre>
 *
 * <p>Immutable; {@link Builder#build()} throws {@link InvalidGameSpecException} listing every rule
 * broken (fields named {@code missPolicy.<field>}). Its JSON leaves out what is absent.
 */
@JsonPropertyOrder({"defaultMove", "forfeitAfter", "timeoutAfterMiss", "whenTooFew"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public final class MissPolicy {

  /** Most consecutive misses {@link #forfeitAfter()} may count. */
  public static final int MAX_FORFEIT_AFTER = 1_000;

  private static final MissPolicy DEFAULTS = builder().build();

  @JsonProperty("defaultMove")
  private final JsonNode defaultMove;
  private final int forfeitAfter;
  @JsonProperty("timeoutAfterMiss")
  private final Duration timeoutAfterMiss;
  private final WhenTooFew whenTooFew;

  /** How a game ends when fewer than its minimum of active players remain. */
  public enum WhenTooFew {
    /** It goes on while anyone is active (the behaviour without a policy). */
    CONTINUE,
    /** It is cancelled with the reason {@code "too few players"}. */
    CANCEL,
    /** It finishes, without a result, trigger {@code "tooFewPlayers"}; a backend may add one with {@code finish}. */
    FINISH
  }

  private MissPolicy(Builder b) {
    this.defaultMove = b.defaultMove == null ? null : ClixJson.canonical(b.defaultMove);
    this.forfeitAfter = b.forfeitAfter;
    this.timeoutAfterMiss = b.timeoutAfterMiss;
    this.whenTooFew = b.whenTooFew;
  }

  /** Record the miss and move on: no default move, no forfeit, no shorter deadline, go on while anyone plays. */
  public static MissPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's values, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * The move played for a player who misses one (a {@code MOVE_ACCEPTED} with data {@code {"default": true}}),
   * or none: the move stays missing. A fresh copy each call.
   */
  public Optional<JsonNode> defaultMove() {
    return Optional.ofNullable(defaultMove).map(JsonNode::deepCopy);
  }

  /** After how many consecutive misses a player is forfeited; 0 (the default) never. */
  public int forfeitAfter() {
    return forfeitAfter;
  }

  /** The turn timeout of a player who missed their latest move (TURNS games only); none by default. */
  public Optional<Duration> timeoutAfterMiss() {
    return Optional.ofNullable(timeoutAfterMiss);
  }

  /** How the game ends when fewer than the minimum of active players remain; {@link WhenTooFew#CONTINUE} by default. */
  public WhenTooFew whenTooFew() {
    return whenTooFew;
  }

  @JsonProperty("forfeitAfter")
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  private int forfeitAfterJson() {
    return forfeitAfter;
  }

  @JsonProperty("whenTooFew")
  private WhenTooFew whenTooFewJson() {
    return whenTooFew == WhenTooFew.CONTINUE ? null : whenTooFew;
  }

  @Override
  public boolean equals(Object another) {
    return another instanceof MissPolicy o && Objects.equals(defaultMove, o.defaultMove)
        && forfeitAfter == o.forfeitAfter && Objects.equals(timeoutAfterMiss, o.timeoutAfterMiss)
        && whenTooFew == o.whenTooFew;
  }

  @Override
  public int hashCode() {
    return Objects.hash(defaultMove, forfeitAfter, timeoutAfterMiss, whenTooFew);
  }

  @Override
  public String toString() {
    return "MissPolicy{" + (defaultMove == null ? "" : "defaultMove=" + defaultMove + ", ") + "forfeitAfter="
        + forfeitAfter + (timeoutAfterMiss == null ? "" : ", timeoutAfterMiss=" + timeoutAfterMiss)
        + ", whenTooFew=" + whenTooFew + "}";
  }

  /** Reads a policy from JSON: an absent or {@code null} property takes its default; then the builder's checks. */
  @JsonCreator
  static MissPolicy fromJson(@JsonProperty("defaultMove") JsonNode defaultMove,
      @JsonProperty("forfeitAfter") Integer forfeitAfter, @JsonProperty("timeoutAfterMiss") Duration timeoutAfterMiss,
      @JsonProperty("whenTooFew") WhenTooFew whenTooFew) {
    Builder b = builder();
    if (defaultMove != null && !defaultMove.isNull() && !defaultMove.isMissingNode()) {
      b.defaultMove(defaultMove);
    }
    if (forfeitAfter != null) {
      b.forfeitAfter(forfeitAfter);
    }
    b.timeoutAfterMiss(timeoutAfterMiss);
    if (whenTooFew != null) {
      b.whenTooFew(whenTooFew);
    }
    return b.build();
  }

  /**
   * Builds a {@link MissPolicy}; every setter returns this builder. {@link #build()} checks it all and
   * throws {@link InvalidGameSpecException} listing every rule broken. The default move is copied in.
   */
  public static final class Builder {
    private JsonNode defaultMove;
    private int forfeitAfter;
    private Duration timeoutAfterMiss;
    private WhenTooFew whenTooFew = WhenTooFew.CONTINUE;

    Builder() {}

    /** Sets every field from {@code instance}. */
    public Builder from(MissPolicy instance) {
      Objects.requireNonNull(instance, "instance");
      defaultMove = instance.defaultMove;
      forfeitAfter = instance.forfeitAfter;
      timeoutAfterMiss = instance.timeoutAfterMiss;
      whenTooFew = instance.whenTooFew;
      return this;
    }

    /** The move played for a missed one (a JSON value within {@link Limits#MAX_MOVE_BYTES}), or {@code null} for none. */
    public Builder defaultMove(JsonNode defaultMove) {
      this.defaultMove = defaultMove == null ? null : defaultMove.deepCopy();
      return this;
    }

    /** Consecutive misses that forfeit a player, 0 to {@value MissPolicy#MAX_FORFEIT_AFTER}; 0 for never. */
    public Builder forfeitAfter(int forfeitAfter) {
      this.forfeitAfter = forfeitAfter;
      return this;
    }

    /** The shorter turn timeout after a miss (whole seconds, at most the spec's turn timeout), or {@code null}. */
    public Builder timeoutAfterMiss(Duration timeoutAfterMiss) {
      this.timeoutAfterMiss = timeoutAfterMiss;
      return this;
    }

    /** How the game ends below its minimum of active players. */
    public Builder whenTooFew(WhenTooFew whenTooFew) {
      this.whenTooFew = whenTooFew;
      return this;
    }

    /**
     * The policy.
     *
     * @throws InvalidGameSpecException listing every rule the fields break
     */
    public MissPolicy build() {
      List<Violation> v = new ArrayList<>();
      if (defaultMove != null) {
        if (defaultMove.isNull() || defaultMove.isMissingNode()) {
          v.add(new Violation("missPolicy.defaultMove", "must be a JSON value, not null (use no default move)"));
        } else {
          JsonRules.check("missPolicy.defaultMove", defaultMove, Limits.MAX_MOVE_BYTES, v);
        }
      }
      if (forfeitAfter < 0 || forfeitAfter > MAX_FORFEIT_AFTER) {
        v.add(new Violation("missPolicy.forfeitAfter", "must be between 0 and " + MAX_FORFEIT_AFTER + ", was "
            + forfeitAfter));
      }
      if (timeoutAfterMiss != null) {
        if (timeoutAfterMiss.compareTo(Limits.MIN_TIMEOUT) < 0 || timeoutAfterMiss.compareTo(Limits.MAX_TIMEOUT) > 0) {
          v.add(new Violation("missPolicy.timeoutAfterMiss", "must be between 1 second and 365 days, was "
              + timeoutAfterMiss));
        } else if (timeoutAfterMiss.getNano() != 0) {
          v.add(new Violation("missPolicy.timeoutAfterMiss", "must be whole seconds, was " + timeoutAfterMiss));
        }
      }
      if (whenTooFew == null) {
        v.add(new Violation("missPolicy.whenTooFew", "must not be null"));
      }
      if (!v.isEmpty()) {
        throw new InvalidGameSpecException(null, v);
      }
      return new MissPolicy(this);
    }
  }
}
