package io.clix.aws.internal.store;

import static io.clix.aws.internal.store.ItemCodec.n;
import static io.clix.aws.internal.store.ItemCodec.s;

import io.clix.aws.internal.calls.AwsCalls;
import io.clix.core.GameEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads a game's event items in sequence order: Query {@code pk = game AND sk > after}, consistent, paginated. */
public final class EventLog {

  private final AwsCalls calls;
  private final String table;

  public EventLog(AwsCalls calls, String table) {
    this.calls = calls;
    this.table = table;
  }

  /**
   * The game event an item image holds (a stream record's {@code NewImage}), or {@code null} for
   * the game item and other items.
   */
  public static GameEvent eventOf(Map<String, AttributeValue> image) {
    AttributeValue pk = image.get(Attributes.PK);
    AttributeValue sk = image.get(Attributes.SK);
    if (pk == null || sk == null || sk.n() == null || "0".equals(sk.n()) || !image.containsKey(Attributes.EVENT)) {
      return null;
    }
    return ItemCodec.event(pk.s(), image);
  }

  /** Events with a sequence above {@code after}, up to and including {@code upTo} (or all if {@code upTo < 0}). */
  public CompletableFuture<List<GameEvent>> after(String gameId, long after, long upTo) {
    return page(gameId, Math.max(0, after), upTo, null, new ArrayList<>());
  }

  private CompletableFuture<List<GameEvent>> page(String gameId, long after, long upTo,
      Map<String, AttributeValue> start, List<GameEvent> into) {
    QueryRequest.Builder request = QueryRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .expressionAttributeNames(Map.of("#pk", Attributes.PK, "#sk", Attributes.SK, "#event", Attributes.EVENT))
        .projectionExpression("#event");
    if (upTo >= 0) {
      request.keyConditionExpression("#pk = :g AND #sk BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(":g", s(gameId), ":from", n(after + 1), ":to", n(upTo)));
    } else {
      request.keyConditionExpression("#pk = :g AND #sk > :after")
          .expressionAttributeValues(Map.of(":g", s(gameId), ":after", n(after)));
    }
    if (start != null) {
      request.exclusiveStartKey(start);
    }
    return calls.query(gameId, request.build()).thenApply(r -> {
      r.items().forEach(item -> into.add(ItemCodec.event(gameId, item)));
      return r;
    }).thenCompose(r -> r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
        ? page(gameId, after, upTo, r.lastEvaluatedKey(), into)
        : CompletableFuture.completedFuture(into));
  }
}
