package io.clix.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to a game, for pushing to its players: a per-game sequence number (1, 2, 3, ... with
 * no gaps), the time, the type, and the player, round and data it concerns. Events never carry a
 * task token; a move is revealed only by the {@link EventType#ROUND_CLOSED} event. An event is
 * immutable: the builder copies the data in, and {@link #data()} hands out a copy.
 */
@JsonPropertyOrder({"gameId", "sequence", "time", "type", "playerId", "round", "data"})
public final class GameEvent {

  @JsonProperty("gameId")
  private final String gameId;
  @JsonProperty("sequence")
  private final long sequence;
  @JsonProperty("time")
  private final Instant time;
  @JsonProperty("type")
  private final EventType type;
  @JsonProperty("playerId")
  private final String playerId;
  @JsonProperty("round")
  private final Integer round;
  @JsonProperty("data")
  private final JsonNode data;

  private GameEvent(Builder b) {
    this.gameId = b.gameId;
    this.sequence = b.sequence;
    this.time = b.time;
    this.type = b.type;
    this.playerId = b.playerId;
    this.round = b.round;
    this.data = b.data.deepCopy();
  }

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The game's id (required). */
  public String gameId() {
    return gameId;
  }

  /** The event's place in its game, from 1, without gaps (required). */
  public long sequence() {
    return sequence;
  }

  /** When the change happened (required). */
  public Instant time() {
    return time;
  }

  /** What changed (required). */
  public EventType type() {
    return type;
  }

  /** The player the change concerns, if one. */
  public Optional<String> playerId() {
    return Optional.ofNullable(playerId);
  }

  /** The round the change concerns, if one. */
  public Optional<Integer> round() {
    return Optional.ofNullable(round);
  }

  /**
   * Type-specific details (see {@link EventType}); an empty object when there are none. Each call returns a
   * fresh deep copy: changing it changes neither this event nor the next call's answer.
   */
  public JsonNode data() {
    return data.deepCopy();
  }

  @Override
  public boolean equals(Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof GameEvent o
        && gameId.equals(o.gameId)
        && sequence == o.sequence
        && time.equals(o.time)
        && type.equals(o.type)
        && Objects.equals(playerId, o.playerId)
        && Objects.equals(round, o.round)
        && data.equals(o.data);
  }

  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + gameId.hashCode();
    h += (h << 5) + Long.hashCode(sequence);
    h += (h << 5) + time.hashCode();
    h += (h << 5) + type.hashCode();
    h += (h << 5) + Objects.hashCode(playerId);
    h += (h << 5) + Objects.hashCode(round);
    h += (h << 5) + data.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "GameEvent{gameId=" + gameId + ", sequence=" + sequence + ", time=" + time + ", type=" + type
        + (playerId == null ? "" : ", playerId=" + playerId) + (round == null ? "" : ", round=" + round)
        + ", data=" + data + "}";
  }

  /** Reads an event from JSON: an absent or {@code null} property is not set. */
  @JsonCreator
  static GameEvent fromJson(@JsonProperty("gameId") String gameId, @JsonProperty("sequence") Long sequence,
      @JsonProperty("time") Instant time, @JsonProperty("type") EventType type,
      @JsonProperty("playerId") Optional<String> playerId, @JsonProperty("round") Optional<Integer> round,
      @JsonProperty("data") JsonNode data) {
    Builder b = builder();
    if (gameId != null) {
      b.gameId(gameId);
    }
    if (sequence != null) {
      b.sequence(sequence);
    }
    if (time != null) {
      b.time(time);
    }
    if (type != null) {
      b.type(type);
    }
    if (playerId != null) {
      b.playerId(playerId);
    }
    if (round != null) {
      b.round(round);
    }
    if (data != null) {
      b.data(data);
    }
    return b.build();
  }

  /**
   * Builds a {@link GameEvent}; every setter returns this builder. {@code gameId}, {@code sequence},
   * {@code time} and {@code type} are required; {@link #build()} throws {@link IllegalStateException} naming
   * every attribute not set or set to {@code null} (an optional one included: use {@code Optional.empty()}).
   * The data is copied when built.
   */
  public static final class Builder {
    private String gameId;
    private long sequence;
    private boolean sequenceSet;
    private Instant time;
    private EventType type;
    private String playerId;
    private boolean playerIdNull;
    private Integer round;
    private boolean roundNull;
    private JsonNode data = JsonNodeFactory.instance.objectNode();

    Builder() {}

    /** Sets every attribute from {@code instance}, except that absent optional ones do not replace those set here. */
    public Builder from(GameEvent instance) {
      Objects.requireNonNull(instance, "instance");
      gameId(instance.gameId);
      sequence(instance.sequence);
      time(instance.time);
      type(instance.type);
      if (instance.playerId != null) {
        playerId(instance.playerId);
      }
      if (instance.round != null) {
        round(instance.round);
      }
      this.data = instance.data;
      return this;
    }

    public Builder gameId(String gameId) {
      this.gameId = gameId;
      return this;
    }

    public Builder sequence(long sequence) {
      this.sequence = sequence;
      this.sequenceSet = true;
      return this;
    }

    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    public Builder type(EventType type) {
      this.type = type;
      return this;
    }

    public Builder playerId(String playerId) {
      this.playerId = playerId;
      this.playerIdNull = playerId == null;
      return this;
    }

    public Builder playerId(Optional<String> playerId) {
      this.playerIdNull = playerId == null;
      this.playerId = playerId == null ? null : playerId.orElse(null);
      return this;
    }

    public Builder round(int round) {
      this.round = round;
      this.roundNull = false;
      return this;
    }

    public Builder round(Optional<Integer> round) {
      this.roundNull = round == null;
      this.round = round == null ? null : round.orElse(null);
      return this;
    }

    /** The details, copied when built; an empty object if not set. */
    public Builder data(JsonNode data) {
      this.data = data;
      return this;
    }

    /**
     * The event.
     *
     * @throws IllegalStateException naming every required attribute not set and every attribute set to null
     */
    public GameEvent build() {
      new RequiredAttributes("GameEvent").check("gameId", gameId).check("sequence", sequenceSet)
          .check("time", time).check("type", type).check("playerId", !playerIdNull).check("round", !roundNull)
          .check("data", data).throwIfAny();
      return new GameEvent(this);
    }
  }
}
