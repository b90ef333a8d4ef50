package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A parsed {@code ProjectionExpression} ({@link ProjectionParser}): copies the named attributes, map
 * keys and list elements out of an item, as GetItem, Query and Scan return them.
 */
public final class Projection {

  private final List<DocumentPath> paths;
  private final PathTree tree;

  Projection(List<DocumentPath> paths) {
    this.paths = List.copyOf(paths);
    this.tree = PathTree.of(paths);
  }

  /** The projected paths, in the order written. */
  public List<DocumentPath> paths() {
    return paths;
  }

  /** A new item with only the projected parts of {@code item}; parts the item lacks are left out. */
  public ObjectNode project(ObjectNode item) {
    return tree.extract(item);
  }
}
