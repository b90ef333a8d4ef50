package io.clix.local.internal.dynamodb;

import io.clix.local.internal.http.RequestRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The tables of the local stack by name, found by name or by ARN. */
final class TableCatalog {

  /** The lock between transaction commits (write side) and reads (read side). */
  ReentrantReadWriteLock commits() {
    return commits;
  }

  private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();
  /**
   * A transaction's commit holds the write side while it applies its items one by one; a read
   * (GetItem, Query, Scan, BatchGetItem) holds the read side, so it sees all of a transaction's
   * writes or none, as DynamoDB's isolation levels promise for reads that follow a committed
   * transaction.
   */
  private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();
  private final ConcurrentSkipListMap<String, StreamLog> streams = new ConcurrentSkipListMap<>();
  private final String region;
  private final String accountId;

  TableCatalog(String region, String accountId) {
    this.region = region;
    this.accountId = accountId;
  }

  /** A new table's ARN, in the region the request was signed for. */
  String arnOf(String name) {
    return "arn:aws:dynamodb:" + RequestRegion.current(region) + ":" + accountId + ":table/" + name;
  }

  /** Adds a table, or answers ResourceInUseException when the name is taken. */
  void add(Table table) {
    if (tables.putIfAbsent(table.name(), table) != null) {
      throw Faults.resourceInUse("Table already exists: " + table.name());
    }
  }

  /** The table of a name or ARN, or {@code null}. */
  Table find(String nameOrArn) {
    if (nameOrArn == null) {
      return null;
    }
    if (nameOrArn.startsWith("arn:")) {
      int slash = nameOrArn.indexOf(":table/");
      Table table = slash < 0 ? null : tables.get(nameOrArn.substring(slash + ":table/".length()));
      return table != null && table.arn().equals(nameOrArn) ? table : null;
    }
    return tables.get(nameOrArn);
  }

  /** The table of a name or ARN; ResourceNotFoundException ("Requested resource not found") if none. */
  Table require(String nameOrArn) {
    Table table = find(nameOrArn);
    if (table == null) {
      throw Faults.tableNotFound();
    }
    return table;
  }

  Table remove(String name) {
    return tables.remove(name);
  }

  /** Table names in order, starting after {@code exclusiveStart} when given. */
  List<String> names(String exclusiveStart) {
    return new ArrayList<>(exclusiveStart == null ? tables.keySet() : tables.tailMap(exclusiveStart, false).keySet());
  }

  /** Records a new stream so the Streams operations find it (also after its table is gone). */
  void addStream(StreamLog stream) {
    streams.put(stream.arn(), stream);
  }

  /** The stream of an ARN, or {@code null} (streams past retention are forgotten). */
  StreamLog stream(String arn) {
    StreamLog stream = arn == null ? null : streams.get(arn);
    if (stream != null && stream.expired()) {
      streams.remove(arn, stream);
      return null;
    }
    return stream;
  }

  /** Every stream still readable, ordered by ARN. */
  List<StreamLog> streams() {
    streams.values().removeIf(StreamLog::expired);
    return new ArrayList<>(streams.values());
  }
}
