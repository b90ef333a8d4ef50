package io.clix.local.internal.dynamodb.expr;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic problems found while parsing one expression, first one of each kind kept. DynamoDB
 * reports them only once the whole expression parsed, in a fixed order of kinds that differs between
 * condition and update expressions.
 */
final class Problems {

  /** Kinds of problem, from the grammars' checks. */
  enum Kind {
    PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION, REFERENCE, NAME_REF, VALUE_REF,
    OVERLAP, CONFLICT, OPERAND, OPERAND_COUNT, DISTINCT, FUNCTION
  }

  /** The order condition, key condition and filter expressions report problems in. */
  static final List<Kind> CONDITION_ORDER = List.of(Kind.PARENS, Kind.UNKNOWN_FUNCTION, Kind.MISUSED_FUNCTION,
      Kind.RESERVED, Kind.REFERENCE, Kind.OPERAND_COUNT, Kind.DISTINCT, Kind.FUNCTION, Kind.OVERLAP, Kind.CONFLICT);

  /** The order update expressions report problems in. */
  static final List<Kind> UPDATE_ORDER = List.of(Kind.RESERVED, Kind.UNKNOWN_FUNCTION, Kind.SECTION,
      Kind.NAME_REF, Kind.VALUE_REF, Kind.OVERLAP, Kind.CONFLICT, Kind.OPERAND, Kind.PARENS, Kind.FUNCTION,
      Kind.OPERAND_COUNT, Kind.DISTINCT, Kind.MISUSED_FUNCTION);

  private final EnumMap<Kind, String> first = new EnumMap<>(Kind.class);

  void add(Kind kind, String message) {
    first.putIfAbsent(kind, message);
  }

  boolean has(Kind kind) {
    return first.containsKey(kind);
  }

  Map<Kind, String> snapshot() {
    return new EnumMap<>(first);
  }

  void restore(Map<Kind, String> snapshot) {
    first.clear();
    first.putAll(snapshot);
  }

  /** Throws the first problem in {@code order}, prefixed {@code "Invalid <kind>: "}, if there is one. */
  void throwFirst(String expressionKind, List<Kind> order) {
    for (Kind kind : order) {
      String message = first.get(kind);
      if (message != null) {
        throw DynamoErrors.validation("Invalid " + expressionKind + ": " + message);
      }
    }
  }
}
