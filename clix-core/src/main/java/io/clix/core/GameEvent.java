package io.clix.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One change to a game, for pushing to its players: a per-game sequence number (1, 2, 3, ... with
 * no gaps), the time, the type, and the player, round and data it concerns. Events never carry a
 * task token; a move is revealed only by the {@link EventType#ROUND_CLOSED} event.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGameEvent.class)
@JsonDeserialize(as = ImmutableGameEvent.class)
public abstract class GameEvent {

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builds a {@link GameEvent}; every setter returns this builder. */
  public static class Builder extends ImmutableGameEvent.Builder {
    Builder() {}
  }

  public abstract String gameId();

  /** The event's place in its game, from 1, without gaps. */
  public abstract long sequence();

  public abstract Instant time();

  public abstract EventType type();

  public abstract Optional<String> playerId();

  public abstract Optional<Integer> round();

  /** Type-specific details (see {@link EventType}); an empty object when there are none. */
  @Value.Default
  public JsonNode data() {
    return JsonNodeFactory.instance.objectNode();
  }
}
