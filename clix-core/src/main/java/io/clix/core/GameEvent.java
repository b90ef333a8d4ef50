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

  public static ImmutableGameEvent.Builder builder() {
    return ImmutableGameEvent.builder();
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
