package io.clix.local.internal.dynamodb.partiql;

import java.util.List;

/** An expression of a PartiQL statement: a path, a value, an operator or a function call. */
public sealed interface Node {

  /** An attribute or document path; each step is a {@code String} name or an {@code Integer} list index. */
  record Path(List<Object> steps) implements Node {
    /** The attribute name when the path is a single top-level name, else {@code null}. */
    public String topLevelName() {
      return steps.size() == 1 && steps.get(0) instanceof String name ? name : null;
    }
  }

  /** A scalar literal: {@code type} is S, N, BOOL or NULL and {@code text} its text as written. */
  record Literal(String type, String text) implements Node {}

  /** The {@code index}-th {@code ?} of the statement (from 0), bound from the request's Parameters. */
  record Param(int index) implements Node {}

  /** A list literal {@code [a, b]}. */
  record ListOf(List<Node> items) implements Node {}

  /** A tuple literal {@code {'k': v}}: an item or a map. */
  record MapOf(List<String> keys, List<Node> values) implements Node {}

  /** A bag literal {@code <<a, b>>}: a string, number or binary set. */
  record BagOf(List<Node> items) implements Node {}

  /** An infix operator: AND, OR, a comparison ({@code =, <>, <, <=, >, >=}) or {@code +} / {@code -}. */
  record Binary(String op, Node left, Node right) implements Node {}

  /** {@code NOT operand}. */
  record Not(Node operand) implements Node {}

  /** {@code operand BETWEEN low AND high}. */
  record Between(Node operand, Node low, Node high) implements Node {}

  /** {@code operand IN [options]} (or a parameter bound to a list). */
  record In(Node operand, List<Node> options) implements Node {}

  /** {@code operand IS [NOT] MISSING} or {@code operand IS [NOT] NULL}. */
  record Is(Node operand, boolean negated, String type) implements Node {}

  /** A function call, its name in lower case. */
  record Call(String function, List<Node> args) implements Node {}

  /** An attribute value already bound (an element of a list bound to an IN parameter). */
  record Bound(com.fasterxml.jackson.databind.node.ObjectNode value) implements Node {}

  /** Whether a node is a value (a literal, a parameter or a collection literal), not a path or an operation. */
  static boolean isValue(Node node) {
    return node instanceof Literal || node instanceof Param || node instanceof ListOf || node instanceof MapOf
        || node instanceof BagOf || node instanceof Bound;
  }
}
