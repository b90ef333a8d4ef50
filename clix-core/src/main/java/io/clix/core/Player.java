package io.clix.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A player seated in a game: the seat, the data given on join, and whether the player is still in. */
@Value.Immutable
@JsonSerialize(as = ImmutablePlayer.class)
@JsonDeserialize(as = ImmutablePlayer.class)
public abstract class Player {

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builds a {@link Player}; every setter returns this builder. */
  public static class Builder extends ImmutablePlayer.Builder {
    Builder() {}
  }

  /** The backend's id for the player. */
  public abstract String playerId();

  /** The seat, from 1 to the capacity. */
  public abstract int seat();

  /** The data given on join, if any. */
  public abstract Optional<JsonNode> data();

  /** When the player took the seat. */
  public abstract Instant joinedAt();

  /** False once the player has left a started game: rounds no longer wait for the player's move. */
  @Value.Default
  public boolean active() {
    return true;
  }

  /** JSON {@code null} as data is no data: a player read back from JSON equals the one written. */
  @Value.Check
  protected Player normalize() {
    if (data().isPresent() && data().get().isNull()) {
      return toBuilder().data(Optional.empty()).build();
    }
    return this;
  }
}
