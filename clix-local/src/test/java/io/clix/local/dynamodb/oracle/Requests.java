package io.clix.local.dynamodb.oracle;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Request builders pre-filled with a table (and key), for the case tables. */
final class Requests {

  private Requests() {}

  static PutItemRequest.Builder put(String table, Map<String, AttributeValue> item) {
    return PutItemRequest.builder().tableName(table).item(item);
  }

  static GetItemRequest.Builder get(String table, Map<String, AttributeValue> key) {
    return GetItemRequest.builder().tableName(table).key(key);
  }

  static UpdateItemRequest.Builder update(String table, Map<String, AttributeValue> key, String updateExpression) {
    return UpdateItemRequest.builder().tableName(table).key(key).updateExpression(updateExpression);
  }

  static DeleteItemRequest.Builder delete(String table, Map<String, AttributeValue> key) {
    return DeleteItemRequest.builder().tableName(table).key(key);
  }

  static QueryRequest.Builder query(String table, String keyCondition) {
    return QueryRequest.builder().tableName(table).keyConditionExpression(keyCondition);
  }

  static ScanRequest.Builder scan(String table) {
    return ScanRequest.builder().tableName(table);
  }
}
