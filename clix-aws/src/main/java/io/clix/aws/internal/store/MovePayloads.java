package io.clix.aws.internal.store;

import static io.clix.aws.internal.store.ItemCodec.n;
import static io.clix.aws.internal.store.ItemCodec.s;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.core.ClixServiceException;
import io.clix.core.internal.GameState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the open round's move payloads back into a game item's state. The game item keeps each
 * move as who, when and the sequence of its {@code MOVE_ACCEPTED} event; the payload is on that
 * event's item, written in the same transaction that first wrote the reference and never changed
 * after, so one consistent Query ({@code sk BETWEEN first AND last}) after reading the game item
 * finds every payload the item names: the game item stays the one point every write is
 * conditional on.
 */
final class MovePayloads {

  private final AwsCalls calls;
  private final String table;

  MovePayloads(AwsCalls calls, String table) {
    this.calls = calls;
    this.table = table;
  }

  /** The item with every move of its state carrying its payload. */
  CompletableFuture<GameItem> fill(String gameId, GameItem item) {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (GameState.MoveRecord m : item.state().moves().values()) {
      if (m.move() == null) {
        from = Math.min(from, m.sequence());
        to = Math.max(to, m.sequence());
      }
    }
    return page(gameId, from, to, null, new HashMap<>()).thenApply(payloads -> {
      Map<String, GameState.MoveRecord> filled = new LinkedHashMap<>();
      item.state().moves().forEach((player, m) -> {
        JsonNode move = m.move() != null ? m.move() : payloads.get(m.sequence());
        if (move == null) {
          throw new ClixServiceException("the stored move of player " + player + " (event " + m.sequence()
              + ") of game " + gameId + " is missing", gameId, null, null);
        }
        filled.put(player, new GameState.MoveRecord(move, m.acceptedAt(), m.sequence()));
      });
      GameState state = ItemCodec.withMoves(item.state(), filled);
      return new GameItem(state, item.fired(), item.waitPoint(), item.specJson());
    });
  }

  private CompletableFuture<Map<Long, JsonNode>> page(String gameId, long from, long to,
      Map<String, AttributeValue> start, Map<Long, JsonNode> into) {
    QueryRequest.Builder request = QueryRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .keyConditionExpression("#pk = :g AND #sk BETWEEN :from AND :to")
        .expressionAttributeNames(Map.of("#pk", Attributes.PK, "#sk", Attributes.SK, "#move", Attributes.MOVE))
        .expressionAttributeValues(Map.of(":g", s(gameId), ":from", n(from), ":to", n(to)))
        .projectionExpression("#sk, #move");
    if (start != null) {
      request.exclusiveStartKey(start);
    }
    return calls.query(gameId, request.build()).thenApply(r -> {
      for (Map<String, AttributeValue> item : r.items()) {
        AttributeValue move = item.get(Attributes.MOVE);
        AttributeValue sk = item.get(Attributes.SK);
        if (move != null && move.s() != null && sk != null && sk.n() != null) {
          into.put(Long.parseLong(sk.n()), ItemCodec.move(gameId, move));
        }
      }
      return r;
    }).thenCompose(r -> r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
        ? page(gameId, from, to, r.lastEvaluatedKey(), into)
        : CompletableFuture.completedFuture(into));
  }
}
