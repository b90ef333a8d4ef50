package io.clix.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * Proof that a move was accepted; sending the same move again returns the same receipt. A receipt is
 * immutable: the builder copies the move in, and {@link #move()} hands out a copy.
 */
@JsonPropertyOrder({"gameId", "playerId", "round", "move", "acceptedAt", "sequence"})
public final class MoveReceipt {

  @JsonProperty("gameId")
  private final String gameId;
  @JsonProperty("playerId")
  private final String playerId;
  @JsonProperty("round")
  private final int round;
  @JsonProperty("move")
  private final JsonNode move;
  @JsonProperty("acceptedAt")
  private final Instant acceptedAt;
  @JsonProperty("sequence")
  private final long sequence;

  private MoveReceipt(Builder b) {
    this.gameId = b.gameId;
    this.playerId = b.playerId;
    this.round = b.round;
    this.move = b.move.deepCopy();
    this.acceptedAt = b.acceptedAt;
    this.sequence = b.sequence;
  }

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The game's id. */
  public String gameId() {
    return gameId;
  }

  /** The player who moved. */
  public String playerId() {
    return playerId;
  }

  /** The round the move is for. */
  public int round() {
    return round;
  }

  /**
   * The move as accepted. Each call returns a fresh deep copy: changing it changes neither this receipt nor
   * the next call's answer.
   */
  public JsonNode move() {
    return move.deepCopy();
  }

  /** When the move was accepted. */
  public Instant acceptedAt() {
    return acceptedAt;
  }

  /** The sequence number of the {@link EventType#MOVE_ACCEPTED} event this move made. */
  public long sequence() {
    return sequence;
  }

  @Override
  public boolean equals(Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof MoveReceipt o
        && gameId.equals(o.gameId)
        && playerId.equals(o.playerId)
        && round == o.round
        && move.equals(o.move)
        && acceptedAt.equals(o.acceptedAt)
        && sequence == o.sequence;
  }

  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + gameId.hashCode();
    h += (h << 5) + playerId.hashCode();
    h += (h << 5) + round;
    h += (h << 5) + move.hashCode();
    h += (h << 5) + acceptedAt.hashCode();
    h += (h << 5) + Long.hashCode(sequence);
    return h;
  }

  @Override
  public String toString() {
    return "MoveReceipt{gameId=" + gameId + ", playerId=" + playerId + ", round=" + round + ", move=" + move
        + ", acceptedAt=" + acceptedAt + ", sequence=" + sequence + "}";
  }

  /** Reads a receipt from JSON: an absent or {@code null} property is not set. */
  @JsonCreator
  static MoveReceipt fromJson(@JsonProperty("gameId") String gameId, @JsonProperty("playerId") String playerId,
      @JsonProperty("round") Integer round, @JsonProperty("move") JsonNode move,
      @JsonProperty("acceptedAt") Instant acceptedAt, @JsonProperty("sequence") Long sequence) {
    Builder b = builder();
    if (gameId != null) {
      b.gameId(gameId);
    }
    if (playerId != null) {
      b.playerId(playerId);
    }
    if (round != null) {
      b.round(round);
    }
    if (move != null) {
      b.move(move);
    }
    if (acceptedAt != null) {
      b.acceptedAt(acceptedAt);
    }
    if (sequence != null) {
      b.sequence(sequence);
    }
    return b.build();
  }

  /**
   * Builds a {@link MoveReceipt}; every setter returns this builder. Every attribute is required;
   * {@link #build()} throws {@link IllegalStateException} naming every one not set or set to {@code null}.
   * The move is copied when built.
   */
  public static final class Builder {
    private String gameId;
    private String playerId;
    private int round;
    private boolean roundSet;
    private JsonNode move;
    private Instant acceptedAt;
    private long sequence;
    private boolean sequenceSet;

    Builder() {}

    /** Sets every attribute from {@code instance}. */
    public Builder from(MoveReceipt instance) {
      Objects.requireNonNull(instance, "instance");
      gameId(instance.gameId);
      playerId(instance.playerId);
      round(instance.round);
      this.move = instance.move;
      acceptedAt(instance.acceptedAt);
      sequence(instance.sequence);
      return this;
    }

    public Builder gameId(String gameId) {
      this.gameId = gameId;
      return this;
    }

    public Builder playerId(String playerId) {
      this.playerId = playerId;
      return this;
    }

    public Builder round(int round) {
      this.round = round;
      this.roundSet = true;
      return this;
    }

    /** The move, copied when built. */
    public Builder move(JsonNode move) {
      this.move = move;
      return this;
    }

    public Builder acceptedAt(Instant acceptedAt) {
      this.acceptedAt = acceptedAt;
      return this;
    }

    public Builder sequence(long sequence) {
      this.sequence = sequence;
      this.sequenceSet = true;
      return this;
    }

    /**
     * The receipt.
     *
     * @throws IllegalStateException naming every attribute not set or set to null
     */
    public MoveReceipt build() {
      new RequiredAttributes("MoveReceipt").check("gameId", gameId).check("playerId", playerId)
          .check("round", roundSet).check("move", move).check("acceptedAt", acceptedAt)
          .check("sequence", sequenceSet).throwIfAny();
      return new MoveReceipt(this);
    }
  }
}
