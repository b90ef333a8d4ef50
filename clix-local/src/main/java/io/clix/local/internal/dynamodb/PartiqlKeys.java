package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.partiql.ExpressionWriter;
import io.clix.local.internal.dynamodb.partiql.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The key a PartiQL WHERE clause names: the equalities on key attributes among its top-level AND
 * terms, and the terms left over (a condition on the item). A statement that writes, and a read in a
 * batch or a transaction, must name every key attribute this way.
 */
final class PartiqlKeys {

  /** The key of the item and the rest of the WHERE clause ({@code null} when nothing is left). */
  record Keyed(ObjectNode key, Node rest) {}

  private PartiqlKeys() {}

  /** The top-level AND terms of a condition. */
  static List<Node> conjuncts(Node where) {
    List<Node> out = new ArrayList<>();
    if (where instanceof Node.Binary binary && binary.op().equals("AND")) {
      out.addAll(conjuncts(binary.left()));
      out.addAll(conjuncts(binary.right()));
    } else if (where != null) {
      out.add(where);
    }
    return out;
  }

  /** The value an equality term gives {@code attribute} ({@code attr = v} or {@code v = attr}), or {@code null}. */
  static Node equality(Node term, String attribute) {
    if (term instanceof Node.Binary binary && binary.op().equals("=")) {
      if (binary.left() instanceof Node.Path p && attribute.equals(p.topLevelName()) && Node.isValue(binary.right())) {
        return binary.right();
      }
      if (binary.right() instanceof Node.Path p && attribute.equals(p.topLevelName()) && Node.isValue(binary.left())) {
        return binary.left();
      }
    }
    return null;
  }

  /**
   * The full primary key of {@code keys} named by {@code where}.
   *
   * @throws io.clix.local.internal.http.ServiceError a ValidationException when a key attribute has no equality
   */
  static Keyed require(KeySchema keys, Node where, ExpressionWriter writer) {
    List<Node> rest = conjuncts(where);
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    List<String> names = keys.hasRange() ? List.of(keys.hashName(), keys.rangeName()) : List.of(keys.hashName());
    for (String name : names) {
      Node value = null;
      for (Node term : rest) {
        value = equality(term, name);
        if (value != null) {
          rest.remove(term);
          break;
        }
      }
      if (value == null) {
        throw Faults.validation("Where clause does not contain a mandatory equality on all key attributes");
      }
      key.set(name, writer.value(value));
    }
    Node remaining = null;
    for (Node term : rest) {
      remaining = remaining == null ? term : new Node.Binary("AND", remaining, term);
    }
    return new Keyed(key, remaining);
  }
}
