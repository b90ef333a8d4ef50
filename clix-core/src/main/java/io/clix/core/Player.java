package io.clix.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A player seated in a game: the seat, the data given on join, and whether the player is still in. A
 * player is immutable: the builder copies the data in, and {@link #data()} hands out a copy.
 */
@JsonPropertyOrder({"playerId", "seat", "data", "joinedAt", "active"})
public final class Player {

  @JsonProperty("playerId")
  private final String playerId;
  @JsonProperty("seat")
  private final int seat;
  @JsonProperty("data")
  private final JsonNode data;
  @JsonProperty("joinedAt")
  private final Instant joinedAt;
  @JsonProperty("active")
  private final boolean active;

  private Player(Builder b) {
    this.playerId = b.playerId;
    this.seat = b.seat;
    // JSON null as data is no data: a player read back from JSON equals the one written.
    this.data = b.data == null || b.data.isNull() ? null : b.data.deepCopy();
    this.joinedAt = b.joinedAt;
    this.active = b.active;
  }

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The backend's id for the player. */
  public String playerId() {
    return playerId;
  }

  /** The seat, from 1 to the capacity. */
  public int seat() {
    return seat;
  }

  /**
   * The data given on join, if any. Each call returns a fresh deep copy: changing it changes neither this
   * player nor the next call's answer.
   */
  public Optional<JsonNode> data() {
    return data == null ? Optional.empty() : Optional.of(data.deepCopy());
  }

  /** When the player took the seat. */
  public Instant joinedAt() {
    return joinedAt;
  }

  /** False once the player has left a started game: rounds no longer wait for the player's move. */
  public boolean active() {
    return active;
  }

  @Override
  public boolean equals(Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof Player o
        && playerId.equals(o.playerId)
        && seat == o.seat
        && Objects.equals(data, o.data)
        && joinedAt.equals(o.joinedAt)
        && active == o.active;
  }

  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + playerId.hashCode();
    h += (h << 5) + seat;
    h += (h << 5) + Objects.hashCode(data);
    h += (h << 5) + joinedAt.hashCode();
    h += (h << 5) + Boolean.hashCode(active);
    return h;
  }

  @Override
  public String toString() {
    return "Player{playerId=" + playerId + ", seat=" + seat + (data == null ? "" : ", data=" + data)
        + ", joinedAt=" + joinedAt + ", active=" + active + "}";
  }

  /** Reads a player from JSON: an absent or {@code null} property is not set ({@code active} then true). */
  @JsonCreator
  static Player fromJson(@JsonProperty("playerId") String playerId, @JsonProperty("seat") Integer seat,
      @JsonProperty("data") Optional<JsonNode> data, @JsonProperty("joinedAt") Instant joinedAt,
      @JsonProperty("active") Boolean active) {
    Builder b = builder();
    if (playerId != null) {
      b.playerId(playerId);
    }
    if (seat != null) {
      b.seat(seat);
    }
    if (data != null) {
      b.data(data);
    }
    if (joinedAt != null) {
      b.joinedAt(joinedAt);
    }
    if (active != null) {
      b.active(active);
    }
    return b.build();
  }

  /**
   * Builds a {@link Player}; every setter returns this builder. {@code playerId}, {@code seat} and
   * {@code joinedAt} are required, {@code active} is true unless set; {@link #build()} throws
   * {@link IllegalStateException} naming every attribute not set or set to {@code null} (the data included:
   * use {@code Optional.empty()} for none). The data is copied when built; JSON {@code null} is no data.
   */
  public static final class Builder {
    private String playerId;
    private int seat;
    private boolean seatSet;
    private JsonNode data;
    private boolean dataNull;
    private Instant joinedAt;
    private boolean active = true;

    Builder() {}

    /** Sets every attribute from {@code instance}, except that absent data does not replace data set here. */
    public Builder from(Player instance) {
      Objects.requireNonNull(instance, "instance");
      playerId(instance.playerId);
      seat(instance.seat);
      if (instance.data != null) {
        this.data = instance.data;
        this.dataNull = false;
      }
      joinedAt(instance.joinedAt);
      active(instance.active);
      return this;
    }

    public Builder playerId(String playerId) {
      this.playerId = playerId;
      return this;
    }

    public Builder seat(int seat) {
      this.seat = seat;
      this.seatSet = true;
      return this;
    }

    /** The data given on join, copied when built. */
    public Builder data(JsonNode data) {
      this.data = data;
      this.dataNull = data == null;
      return this;
    }

    /** The data given on join, or none; copied when built. */
    public Builder data(Optional<? extends JsonNode> data) {
      this.dataNull = data == null;
      this.data = data == null ? null : data.orElse(null);
      return this;
    }

    public Builder joinedAt(Instant joinedAt) {
      this.joinedAt = joinedAt;
      return this;
    }

    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /**
     * The player.
     *
     * @throws IllegalStateException naming every required attribute not set and every attribute set to null
     */
    public Player build() {
      new RequiredAttributes("Player").check("playerId", playerId).check("seat", seatSet)
          .check("data", !dataNull).check("joinedAt", joinedAt).throwIfAny();
      return new Player(this);
    }
  }
}
