package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * One checked write to one item (a put, an update, a delete or a bare condition check), computed
 * against the item's current state while the caller holds the item's lock and then committed.
 * PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems all write through it.
 */
final class ItemWrite {

  /** What the write does. */
  enum Kind { PUT, UPDATE, DELETE, CHECK }

  /** The state of the item before and after the write, computed by {@link #evaluate()}. */
  static final class Outcome {
    final ObjectNode before;
    final ObjectNode after;
    final long beforeSize;
    final long afterSize;

    Outcome(ObjectNode before, ObjectNode after, long beforeSize, long afterSize) {
      this.before = before;
      this.after = after;
      this.beforeSize = beforeSize;
      this.afterSize = afterSize;
    }
  }

  /** The condition did not hold; {@code item} is the current item (or {@code null}). */
  static final class ConditionFailed extends RuntimeException {
    final ObjectNode item;

    ConditionFailed(ObjectNode item) {
      super("The conditional request failed", null, false, false);
      this.item = item;
    }
  }

  private final Table table;
  private final ItemKey key;
  private final Kind kind;
  private final ObjectNode item;
  private final Expressions.Update update;
  private final Predicate<ObjectNode> condition;

  ItemWrite(Table table, ItemKey key, Kind kind, ObjectNode item, Expressions.Update update,
      Predicate<ObjectNode> condition) {
    this.table = table;
    this.key = key;
    this.kind = kind;
    this.item = item;
    this.update = update;
    this.condition = condition;
  }

  /** The same write aimed at the item with {@code itemKey} (expressions are checked before the key). */
  ItemWrite withKey(ItemKey itemKey) {
    return new ItemWrite(table, itemKey, kind, item, update, condition);
  }

  Table table() {
    return table;
  }

  ItemKey key() {
    return key;
  }

  Kind kind() {
    return kind;
  }

  /**
   * Refuses an update that sets or removes a key attribute.
   *
   * @throws io.clix.local.internal.http.ServiceError a ValidationException as DynamoDB words it
   */
  void checkKeyUntouched() {
    if (update == null) {
      return;
    }
    for (String name : update.touched()) {
      if (table.keys().isKeyAttribute(name)) {
        throw Faults.invalidParameter("Cannot update attribute " + name + ". This attribute is part of the key");
      }
    }
  }

  /** The update of an UPDATE write, or {@code null}. */
  Expressions.Update update() {
    return update;
  }

  /**
   * Checks the condition against the current item and computes the new one; the caller holds the
   * item's lock.
   *
   * @throws ConditionFailed if the condition does not hold
   * @throws io.clix.local.internal.http.ServiceError if the new item is invalid (too large, bad types)
   */
  Outcome evaluate() {
    ObjectNode before = table.get(key);
    if (condition != null && !condition.test(before == null ? JsonNodeFactory.instance.objectNode() : before)) {
      throw new ConditionFailed(before);
    }
    long beforeSize = before == null ? 0 : ItemSizes.of(before);
    switch (kind) {
      case PUT:
        return new Outcome(before, item, beforeSize, ItemSizes.of(item));
      case DELETE:
        return new Outcome(before, null, beforeSize, 0);
      case CHECK:
        return new Outcome(before, before, beforeSize, beforeSize);
      default:
        ObjectNode start = before == null ? table.keys().keyAttributes(keyItem()) : before.deepCopy();
        ObjectNode after = update == null ? start : update.apply(start);
        long afterSize = Items.checkWritten(table, after);
        return new Outcome(before, after, beforeSize, afterSize);
    }
  }

  /** Stores the outcome; the caller still holds the item's lock. */
  void commit(Outcome outcome) {
    if (kind == Kind.CHECK) {
      return;
    }
    if (outcome.after == null && outcome.before == null) {
      return;
    }
    table.write(key, outcome.after, outcome.afterSize, outcome.beforeSize);
  }

  /** Evaluates and commits under the item's lock. */
  Outcome run() {
    var lock = table.lockFor(key);
    lock.lock();
    try {
      Outcome outcome = evaluate();
      commit(outcome);
      return outcome;
    } finally {
      lock.unlock();
    }
  }

  private ObjectNode keyItem() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    KeySchema keys = table.keys();
    node.set(keys.hashName(), key.hash().toAttribute());
    if (keys.hasRange()) {
      node.set(keys.rangeName(), key.range().toAttribute());
    }
    return node;
  }
}
