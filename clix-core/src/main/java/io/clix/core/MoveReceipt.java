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

  public static ImmutableMoveReceipt.Builder builder() {
    return ImmutableMoveReceipt.builder();
  }

  public abstract String gameId();

  public abstract String playerId();

  public abstract int round();

  public abstract JsonNode move();

  public abstract Instant acceptedAt();

  /** The sequence number of the {@link EventType#MOVE_ACCEPTED} event this move made. */
  public abstract long sequence();
}
