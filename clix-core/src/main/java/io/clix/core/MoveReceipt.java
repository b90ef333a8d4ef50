package io.clix.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import org.immutables.value.Value;

/** Proof that a move was accepted; sending the same move again returns the same receipt. */
@Value.Immutable
@JsonSerialize(as = ImmutableMoveReceipt.class)
@JsonDeserialize(as = ImmutableMoveReceipt.class)
public abstract class MoveReceipt {

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builds a {@link MoveReceipt}; every setter returns this builder. */
  public static class Builder extends ImmutableMoveReceipt.Builder {
    Builder() {}
  }

  public abstract String gameId();

  public abstract String playerId();

  public abstract int round();

  public abstract JsonNode move();

  public abstract Instant acceptedAt();

  /** The sequence number of the {@link EventType#MOVE_ACCEPTED} event this move made. */
  public abstract long sequence();
}
