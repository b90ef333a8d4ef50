package io.clix.local.internal.dynamodb;

import java.util.Objects;

/** The primary key of one item: its partition key value and, on a table with one, its sort key value. */
final class ItemKey {

  private final KeyValue hash;
  private final KeyValue range;

  ItemKey(KeyValue hash, KeyValue range) {
    this.hash = Objects.requireNonNull(hash, "hash");
    this.range = range;
  }

  KeyValue hash() {
    return hash;
  }

  /** The sort key value, or {@code null} on a table with a partition key only. */
  KeyValue range() {
    return range;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ItemKey && ((ItemKey) o).hash.equals(hash) && Objects.equals(((ItemKey) o).range, range);
  }

  @Override
  public int hashCode() {
    return hash.hashCode() * 31 + Objects.hashCode(range);
  }

  @Override
  public String toString() {
    return range == null ? hash.toString() : hash + "/" + range;
  }
}
