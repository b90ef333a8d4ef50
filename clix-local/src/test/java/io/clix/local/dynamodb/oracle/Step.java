package io.clix.local.dynamodb.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * One operation of a case or a random sequence: a real SDK request sent through a client, its
 * answer (response or service exception) rendered by {@link SdkJson} and normalized by
 * {@link Normalizer}, ready to compare across endpoints.
 */
interface Step {

  /** The request as JSON, for failure messages. */
  JsonNode request();

  /** Sends the request and returns the normalized answer. */
  JsonNode run(DynamoDbClient client);

  /** Whether a successful answer means the endpoint's state changed (so the fixture must be reset). */
  boolean writes();

  /** The tables a successful write may have changed; {@code null} for "any table" (e.g. CreateTable). */
  default Set<String> tablesWritten() {
    return null;
  }

  /** A step sending {@code request} once. */
  static Step call(DynamoDbRequest request) {
    return new Call(request);
  }

  /**
   * A Scan followed page by page until no LastEvaluatedKey is returned: the items of all pages
   * (sorted, since Scan order is unspecified), the page count and the summed counts.
   */
  static Step scanAll(ScanRequest request) {
    return new ScanAll(request);
  }

  /**
   * A Query followed page by page until no LastEvaluatedKey is returned; every page is compared
   * whole (Query order is defined, so pages and their LastEvaluatedKey must agree).
   */
  static Step queryPages(QueryRequest request) {
    return new QueryPages(request);
  }

  /**
   * A single request whose result items are compared in a canonical order: for index queries,
   * where items with equal index keys come back in no defined order.
   */
  static Step unordered(QueryRequest request) {
    return new Unordered(request);
  }

  /** The answer of {@code client} to {@code request}, as {@link SdkJson} renders it, before normalization. */
  static JsonNode send(DynamoDbClient client, DynamoDbRequest request) {
    try {
      return SdkJson.of(dispatch(client, request));
    } catch (AwsServiceException e) {
      return SdkJson.error(e);
    }
  }

  private static DynamoDbResponse dispatch(DynamoDbClient client, DynamoDbRequest request) {
    if (request instanceof PutItemRequest r) {
      return client.putItem(r);
    } else if (request instanceof GetItemRequest r) {
      return client.getItem(r);
    } else if (request instanceof UpdateItemRequest r) {
      return client.updateItem(r);
    } else if (request instanceof DeleteItemRequest r) {
      return client.deleteItem(r);
    } else if (request instanceof QueryRequest r) {
      return client.query(r);
    } else if (request instanceof ScanRequest r) {
      return client.scan(r);
    } else if (request instanceof BatchGetItemRequest r) {
      return client.batchGetItem(r);
    } else if (request instanceof BatchWriteItemRequest r) {
      return client.batchWriteItem(r);
    } else if (request instanceof CreateTableRequest r) {
      return client.createTable(r);
    } else if (request instanceof DescribeTableRequest r) {
      return client.describeTable(r);
    } else if (request instanceof UpdateTableRequest r) {
      return client.updateTable(r);
    } else if (request instanceof DeleteTableRequest r) {
      return client.deleteTable(r);
    } else if (request instanceof ListTablesRequest r) {
      return client.listTables(r);
    } else if (request instanceof TransactWriteItemsRequest r) {
      return client.transactWriteItems(r);
    } else if (request instanceof TransactGetItemsRequest r) {
      return client.transactGetItems(r);
    } else if (request instanceof UpdateTimeToLiveRequest r) {
      return client.updateTimeToLive(r);
    } else if (request instanceof DescribeTimeToLiveRequest r) {
      return client.describeTimeToLive(r);
    }
    throw new IllegalArgumentException("no client method for " + request.getClass().getSimpleName());
  }

  /** A single request. */
  record Call(DynamoDbRequest sdkRequest) implements Step {
    @Override
    public JsonNode request() {
      return describe(sdkRequest);
    }

    @Override
    public JsonNode run(DynamoDbClient client) {
      return Normalizer.normalize(sdkRequest, send(client, sdkRequest));
    }

    @Override
    public boolean writes() {
      return !(sdkRequest instanceof GetItemRequest || sdkRequest instanceof QueryRequest
          || sdkRequest instanceof ScanRequest || sdkRequest instanceof BatchGetItemRequest
          || sdkRequest instanceof DescribeTableRequest || sdkRequest instanceof ListTablesRequest
          || sdkRequest instanceof TransactGetItemsRequest || sdkRequest instanceof DescribeTimeToLiveRequest);
    }

    @Override
    public Set<String> tablesWritten() {
      if (sdkRequest instanceof BatchWriteItemRequest batch) {
        return batch.requestItems().keySet();
      }
      if (sdkRequest instanceof PutItemRequest || sdkRequest instanceof UpdateItemRequest
          || sdkRequest instanceof DeleteItemRequest) {
        return sdkRequest.getValueForField("TableName", String.class).map(Set::of).orElse(null);
      }
      return null;
    }
  }

  /** A Query whose items are sorted before comparing. */
  record Unordered(QueryRequest query) implements Step {
    @Override
    public JsonNode request() {
      return describe(query);
    }

    @Override
    public JsonNode run(DynamoDbClient client) {
      JsonNode answer = Normalizer.normalize(query, send(client, query));
      if (answer instanceof ObjectNode object && object.get("Items") instanceof ArrayNode items) {
        object.set("Items", Normalizer.sorted(items));
      }
      return answer;
    }

    @Override
    public boolean writes() {
      return false;
    }
  }

  /** A Query read to its last page. */
  record QueryPages(QueryRequest first) implements Step {
    @Override
    public JsonNode request() {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.set("QueryAllPages", describe(first));
      return node;
    }

    @Override
    public JsonNode run(DynamoDbClient client) {
      ArrayNode pages = JsonNodeFactory.instance.arrayNode();
      Map<String, AttributeValue> start = null;
      do {
        QueryRequest page = first.toBuilder().exclusiveStartKey(start).build();
        try {
          QueryResponse response = client.query(page);
          pages.add(Normalizer.normalize(page, SdkJson.of(response)));
          start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? response.lastEvaluatedKey() : null;
        } catch (AwsServiceException e) {
          pages.add(Normalizer.normalize(page, SdkJson.error(e)));
          start = null;
        }
        if (pages.size() > 1000) {
          throw new IllegalStateException("more than 1000 pages querying " + first);
        }
      } while (start != null);
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.set("Pages", pages);
      return node;
    }

    @Override
    public boolean writes() {
      return false;
    }
  }

  /** A Scan read to its last page. */
  record ScanAll(ScanRequest first) implements Step {
    @Override
    public JsonNode request() {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.set("ScanAllPages", describe(first));
      return node;
    }

    @Override
    public JsonNode run(DynamoDbClient client) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      int pages = 0;
      long count = 0;
      long scanned = 0;
      Map<String, AttributeValue> start = null;
      do {
        ScanRequest page = first.toBuilder().exclusiveStartKey(start).build();
        ScanResponse response;
        try {
          response = client.scan(page);
        } catch (AwsServiceException e) {
          ObjectNode error = SdkJson.error(e);
          error.put("page", pages + 1);
          return Normalizer.normalize(page, error);
        }
        pages++;
        count += response.count();
        scanned += response.scannedCount();
        response.items().forEach(item -> items.add(SdkJson.of(item)));
        start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey() : null;
        if (pages > 1000) {
          throw new IllegalStateException("more than 1000 pages scanning " + first);
        }
      } while (start != null);
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.set("Items", Normalizer.sorted(items));
      node.put("Count", count);
      node.put("ScannedCount", scanned);
      node.put("Pages", pages);
      return node;
    }

    @Override
    public boolean writes() {
      return false;
    }
  }

  /** The request as JSON with its operation name, for failure messages. */
  static JsonNode describe(DynamoDbRequest request) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.set(request.getClass().getSimpleName().replace("Request", ""), SdkJson.of(request));
    return node;
  }
}
