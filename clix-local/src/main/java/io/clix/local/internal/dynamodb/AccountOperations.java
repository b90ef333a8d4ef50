package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.RequestRegion;
import io.clix.local.internal.http.ServiceError;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small account- and table-setting operations SDKs and tools call around the data path:
 * DescribeEndpoints, DescribeLimits, and point-in-time recovery (DescribeContinuousBackups,
 * UpdateContinuousBackups), which the local stack records but has no backups behind.
 */
final class AccountOperations {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final TableCatalog catalog;
  private final Clock clock;
  private final String region;
  private final Map<String, Boolean> pointInTimeRecovery = new ConcurrentHashMap<>();

  AccountOperations(TableCatalog catalog, Clock clock, String region) {
    this.catalog = catalog;
    this.clock = clock;
    this.region = region;
  }

  JsonNode describeEndpoints() {
    ObjectNode out = JSON.objectNode();
    out.putArray("Endpoints").addObject().put("Address", "dynamodb." + RequestRegion.current(region) + ".amazonaws.com")
        .put("CachePeriodInMinutes", 1440);
    return out;
  }

  JsonNode describeLimits() {
    ObjectNode out = JSON.objectNode();
    out.put("AccountMaxReadCapacityUnits", 80000);
    out.put("AccountMaxWriteCapacityUnits", 80000);
    out.put("TableMaxReadCapacityUnits", 40000);
    out.put("TableMaxWriteCapacityUnits", 40000);
    return out;
  }

  /**
   * DescribeContributorInsights: the local stack collects no CloudWatch Contributor Insights, so
   * every existing table (and index) answers DISABLED.
   */
  JsonNode describeContributorInsights(JsonNode request) {
    Table table = catalog.require(Requests.tableName(request));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("TableName", table.name());
    if (request.hasNonNull("IndexName")) {
      out.put("IndexName", request.get("IndexName").asText());
    }
    out.put("ContributorInsightsStatus", "DISABLED");
    return out;
  }

  JsonNode describeContinuousBackups(JsonNode request) {
    return describe(table(request));
  }

  JsonNode updateContinuousBackups(JsonNode request) {
    new Requests().tableName(request, "TableName", "tableName")
        .required(request, "PointInTimeRecoverySpecification", "pointInTimeRecoverySpecification").check();
    Table table = table(request);
    boolean enabled = request.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
        .asBoolean(false);
    pointInTimeRecovery.put(table.arn(), enabled);
    return describe(table);
  }

  private Table table(JsonNode request) {
    String name = Requests.tableName(request);
    Table table = catalog.find(name);
    if (table == null) {
      throw new ServiceError(400, Faults.DYNAMO + "TableNotFoundException", "Table not found: " + name);
    }
    return table;
  }

  private JsonNode describe(Table table) {
    ObjectNode out = JSON.objectNode();
    ObjectNode description = out.putObject("ContinuousBackupsDescription");
    description.put("ContinuousBackupsStatus", "ENABLED");
    ObjectNode pitr = description.putObject("PointInTimeRecoveryDescription");
    if (pointInTimeRecovery.getOrDefault(table.arn(), false)) {
      pitr.put("PointInTimeRecoveryStatus", "ENABLED");
      pitr.put("RecoveryPeriodInDays", 35);
      pitr.put("EarliestRestorableDateTime", table.created().toEpochMilli() / 1000.0);
      pitr.put("LatestRestorableDateTime", clock.instant().toEpochMilli() / 1000.0);
    } else {
      pitr.put("PointInTimeRecoveryStatus", "DISABLED");
    }
    return out;
  }
}
