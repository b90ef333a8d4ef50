package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.http.AwsJsonService;
import java.time.Clock;

/**
 * The local stack's DynamoDB: the operations behind {@code X-Amz-Target: DynamoDB_20120810.*},
 * answering as DynamoDB does (same response shapes, same error types and wording) so the
 * unmodified SDK clients work against it. Items expire by TTL on the stack's clock.
 */
public final class DynamoDbService implements AwsJsonService {

  private final TableOperations tables;
  private final ItemOperations items;
  private final ReadOperations reads;
  private final BatchOperations batches;
  private final TransactionOperations transactions;
  private final PartiqlOperations partiql;
  private final AccountOperations account;
  private final DynamoDbStreamsService streams;
  private final java.util.concurrent.locks.ReentrantReadWriteLock commits;

  public DynamoDbService(Clock clock, String region, String accountId) {
    TableCatalog catalog = new TableCatalog(region, accountId);
    this.tables = new TableOperations(catalog, clock);
    this.items = new ItemOperations(catalog);
    this.reads = new ReadOperations(catalog);
    this.batches = new BatchOperations(catalog);
    this.transactions = new TransactionOperations(catalog, clock);
    this.partiql = new PartiqlOperations(catalog, items, transactions);
    this.account = new AccountOperations(catalog, clock, region);
    this.streams = new DynamoDbStreamsService(catalog, clock);
    this.commits = catalog.commits();
  }

  /** A read that sees a transaction's writes all or none (see {@link TableCatalog#commits()}). */
  private JsonNode reading(java.util.function.Supplier<JsonNode> read) {
    commits.readLock().lock();
    try {
      return read.get();
    } finally {
      commits.readLock().unlock();
    }
  }

  /** The DynamoDB Streams operations over this service's tables, served on the same endpoint. */
  public DynamoDbStreamsService streams() {
    return streams;
  }

  @Override
  public String targetPrefix() {
    return "DynamoDB_20120810";
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    switch (operation) {
      case "CreateTable":
        return tables.createTable(request);
      case "DescribeTable":
        return tables.describeTable(request);
      case "DeleteTable":
        return tables.deleteTable(request);
      case "ListTables":
        return tables.listTables(request);
      case "UpdateTable":
        return tables.updateTable(request);
      case "UpdateTimeToLive":
        return tables.updateTimeToLive(request);
      case "DescribeTimeToLive":
        return tables.describeTimeToLive(request);
      case "TagResource":
        return tables.tagResource(request);
      case "UntagResource":
        return tables.untagResource(request);
      case "ListTagsOfResource":
        return tables.listTagsOfResource(request);
      case "PutItem":
        return items.putItem(request);
      case "GetItem":
        return reading(() -> items.getItem(request));
      case "UpdateItem":
        return items.updateItem(request);
      case "DeleteItem":
        return items.deleteItem(request);
      case "Query":
        return reading(() -> reads.query(request));
      case "Scan":
        return reading(() -> reads.scan(request));
      case "BatchGetItem":
        return reading(() -> batches.batchGetItem(request));
      case "BatchWriteItem":
        return batches.batchWriteItem(request);
      case "TransactWriteItems":
        return transactions.transactWriteItems(request);
      case "TransactGetItems":
        return transactions.transactGetItems(request);
      case "ExecuteStatement":
        return partiql.executeStatement(request);
      case "BatchExecuteStatement":
        return partiql.batchExecuteStatement(request);
      case "ExecuteTransaction":
        return partiql.executeTransaction(request);
      case "DescribeEndpoints":
        return account.describeEndpoints();
      case "DescribeLimits":
        return account.describeLimits();
      case "DescribeContributorInsights":
        return account.describeContributorInsights(request);
      case "DescribeContinuousBackups":
        return account.describeContinuousBackups(request);
      case "UpdateContinuousBackups":
        return account.updateContinuousBackups(request);
      default:
        throw Faults.unknownOperation();
    }
  }
}
