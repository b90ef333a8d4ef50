package io.clix.local.internal.dynamodb.partiql;

import java.util.List;

/** A parsed PartiQL statement of DynamoDB's dialect; {@code parameterCount} is the number of its {@code ?}. */
public sealed interface Statement {

  /** The table the statement names. */
  String table();

  /** How many {@code ?} the statement holds. */
  int parameterCount();

  /** Whether the statement only reads. */
  default boolean isRead() {
    return this instanceof Select;
  }

  /** One key of an {@code ORDER BY}. */
  record Order(String attribute, boolean descending) {}

  /** {@code SELECT projection FROM table[.index] [WHERE where] [ORDER BY ...]}; a {@code null} projection is {@code *}. */
  record Select(List<Node.Path> projection, String table, String index, Node where, List<Order> orderBy,
      int parameterCount) implements Statement {}

  /** {@code INSERT INTO table VALUE item}. */
  record Insert(String table, Node item, int parameterCount) implements Statement {}

  /** One {@code SET path = value} or {@code REMOVE path} of an UPDATE. */
  record Action(boolean remove, Node.Path path, Node value) {}

  /**
   * {@code UPDATE table SET ... REMOVE ... WHERE where [RETURNING returning]}; {@code returning} is
   * {@code ALL_OLD}, {@code UPDATED_OLD}, {@code ALL_NEW}, {@code UPDATED_NEW} or {@code null}.
   */
  record Update(String table, List<Action> actions, Node where, String returning, int parameterCount)
      implements Statement {}

  /** {@code DELETE FROM table WHERE where [RETURNING ALL OLD *]}. */
  record Delete(String table, Node where, String returning, int parameterCount) implements Statement {}

  /** {@code EXISTS(SELECT ...)}: a condition check on one item inside ExecuteTransaction. */
  record Exists(Select select) implements Statement {
    @Override
    public String table() {
      return select.table();
    }

    @Override
    public int parameterCount() {
      return select.parameterCount();
    }

    @Override
    public boolean isRead() {
      return false;
    }
  }
}
