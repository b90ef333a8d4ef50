package io.clix.aws.internal.store;

import static io.clix.aws.internal.store.Attributes.EVENT;
import static io.clix.aws.internal.store.Attributes.FIRED;
import static io.clix.aws.internal.store.Attributes.SPEC;
import static io.clix.aws.internal.store.Attributes.WAIT_POINT;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clix.core.ClixJson;
import io.clix.core.ClixServiceException;
import io.clix.core.GameEvent;
import io.clix.core.internal.GameState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** JSON and attribute-value conversions for the game item and event items. */
final class ItemCodec {

  /**
   * The state's mapper: Java nulls are left out, so an absent result or player data reads back as
   * {@code null} and never as a JSON {@code null} node. Every JSON value is stored as the JSON text
   * {@link ClixJson#mapper()} writes, inside the state's text in a string attribute (never as a
   * DynamoDB number), and read back with the same exact set-up, so numbers keep their digits and
   * scale: {@code 0.10} stays {@code 0.10}, {@code 1E+400} stays {@code 1E+400}.
   */
  private static final ObjectMapper STATE = ClixJson.newMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private ItemCodec() {}

  static String stateJson(GameState state) {
    try {
      return STATE.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the state of game " + state.gameId() + " as JSON", e);
    }
  }

  /**
   * The state as the game item stores it: the open round's moves without their payloads (each is
   * on its {@code MOVE_ACCEPTED} event item, {@link Attributes#MOVE}), so 64 moves of 4 KB never
   * weigh on the game item's 400 KB.
   */
  static String storedStateJson(GameState state) {
    if (state.moves().isEmpty()) {
      return stateJson(state);
    }
    Map<String, GameState.MoveRecord> bare = new LinkedHashMap<>();
    state.moves().forEach((player, m) -> bare.put(player, new GameState.MoveRecord(null, m.acceptedAt(), m.sequence())));
    return stateJson(withMoves(state, bare));
  }

  static GameState withMoves(GameState s, Map<String, GameState.MoveRecord> moves) {
    return new GameState(s.gameId(), s.spec(), s.status(), s.players(), s.round(), s.roundDeadline(), moves,
        s.lobbyDeadline(), s.createdAt(), s.startedAt(), s.endedAt(), s.result(), s.cancelReason(), s.version(),
        s.closedBy(), s.turn(), s.misses(), s.board());
  }

  /** The JSON text of a move payload attribute. */
  static JsonNode move(String gameId, AttributeValue v) {
    try {
      return ClixJson.mapper().readTree(v.s());
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ClixServiceException("a stored move of game " + gameId + " cannot be read ("
          + e.getClass().getSimpleName() + ")", gameId, null, null);
    }
  }

  static GameState state(String json) throws JsonProcessingException {
    return STATE.readValue(json, GameState.class);
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  static Map<String, AttributeValue> key(String gameId, long sk) {
    return Map.of(Attributes.PK, s(gameId), Attributes.SK, n(sk));
  }

  static String json(Object value) {
    try {
      return ClixJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static GameItem decode(String gameId, Map<String, AttributeValue> item) {
    try {
      GameState state = state(item.get(Attributes.STATE).s());
      Map<String, Instant> fired = new HashMap<>();
      AttributeValue firedAttr = item.get(FIRED);
      if (firedAttr != null && firedAttr.hasM()) {
        firedAttr.m().forEach((k, v) -> {
          Instant at = firedAt(v);
          if (at != null) {
            fired.put(k, at);
          }
        });
      }
      AttributeValue wp = item.get(WAIT_POINT);
      AttributeValue sent = item.get(Attributes.WAIT_SENT);
      String waitPoint = wp == null || sent != null && wp.s() != null && wp.s().equals(sent.s()) ? null : wp.s();
      AttributeValue spec = item.get(SPEC);
      return new GameItem(state, fired, waitPoint, spec == null ? null : spec.s());
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ClixServiceException("the stored record of game " + gameId + " cannot be read ("
          + e.getClass().getSimpleName() + ")", gameId, null, null);
    }
  }

  /** A marker's time: {@code {"S": "<EnteredTime>"}} (an N of epoch seconds is accepted too). */
  private static Instant firedAt(AttributeValue v) {
    try {
      if (v.s() != null) {
        return Instant.parse(v.s());
      }
      if (v.n() != null) {
        return Instant.ofEpochMilli((long) (Double.parseDouble(v.n()) * 1000));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  static GameEvent event(String gameId, Map<String, AttributeValue> item) {
    try {
      return ClixJson.mapper().readValue(item.get(EVENT).s(), GameEvent.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ClixServiceException("a stored event of game " + gameId + " cannot be read ("
          + e.getClass().getSimpleName() + ")", gameId, null, null);
    }
  }
}
