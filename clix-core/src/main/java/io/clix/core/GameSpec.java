package io.clix.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.internal.RequestRules;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a game is to be: its id (optional; one is generated otherwise), seats, the minimum to start,
 * the lobby timeout, the rounds and their timeout, and free JSON metadata. Build one with
 * {@link #builder()}; {@code build()} throws {@link InvalidGameSpecException} listing every rule
 * the spec breaks.
 *
 * <pre>{@code
 * GameSpec spec = GameSpec.builder()
 *     .gameId("table-42").capacity(4).minPlayers(2)
 *     .lobbyTimeout(Duration.ofSeconds(20))
 *     .rounds(3).roundTimeout(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 *
 * <p>A game runs in one Step Functions Standard execution, so {@code lobbyTimeout + rounds ×
 * roundTimeout} is at most {@link Limits#MAX_GAME_DURATION} and the rounds at most
 * {@link Limits#MAX_ROUNDS} (which keeps its history within the execution's event limit).
 *
 * <p>Defaults: capacity 4, minimum 2 (or the capacity if smaller), lobby timeout 60 s, 1 round,
 * round timeout 60 s, metadata {@code {}}. The metadata is kept as {@link ClixJson#canonical} gives
 * it, so a spec read back from any orchestrator equals the one built.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGameSpec.class)
@JsonDeserialize(as = ImmutableGameSpec.class)
public abstract class GameSpec {

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builds a {@link GameSpec}; every setter returns this builder. */
  public static class Builder extends ImmutableGameSpec.Builder {
    Builder() {}
  }

  /** The caller's id for the game: 1 to 80 of {@code A-Z a-z 0-9 _ -}, a valid execution name. */
  public abstract Optional<String> gameId();

  /** How many seats the lobby has; the game starts by itself when they are all taken. */
  @Value.Default
  public int capacity() {
    return 4;
  }

  /** How many seated players {@code startNow} and the lobby timeout need to start the game. */
  @Value.Default
  public int minPlayers() {
    return Math.min(2, capacity());
  }

  /** How long the lobby waits; then the game starts if the minimum is met, else is cancelled. */
  @Value.Default
  public Duration lobbyTimeout() {
    return Duration.ofSeconds(60);
  }

  /** How many rounds the game plays; the game finishes when the last one closes. */
  @Value.Default
  public int rounds() {
    return 1;
  }

  /** How long a round waits for moves; then it closes with the missing moves recorded. */
  @Value.Default
  public Duration roundTimeout() {
    return Duration.ofSeconds(60);
  }

  /** Free JSON the backend keeps with the game (an object, at most {@link Limits#MAX_METADATA_BYTES}). */
  @Value.Default
  public JsonNode metadata() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Checks the rules, and keeps the metadata in {@link ClixJson#canonical} form (the form every orchestrator stores). */
  @Value.Check
  protected GameSpec check() {
    RequestRules.checkSpec(gameId().orElse(null), capacity(), minPlayers(), lobbyTimeout(), rounds(), roundTimeout(),
        metadata());
    JsonNode canonical = ClixJson.canonical(metadata());
    return canonical.equals(metadata()) ? this : toBuilder().metadata(canonical).build();
  }
}
