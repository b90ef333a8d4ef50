package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The context object ({@code $$}) of one state, carrying the workflow variables in scope beside
 * it so that a JSONPath {@code $name...} reads a variable. The variables are not members of the
 * object: writing the context shows only the context.
 */
public final class ScopedContext extends ObjectNode {

  private static final long serialVersionUID = 1L;

  private final transient ObjectNode variables;

  /** A context with {@code base}'s members and {@code variables} in scope. */
  public ScopedContext(ObjectNode base, ObjectNode variables) {
    super(Json.NODES);
    setAll(base);
    this.variables = variables;
  }

  /** The variable named {@code name}, or null if none is in scope. */
  public JsonNode variable(String name) {
    return variables == null ? null : variables.get(name);
  }

  /** The variables in scope. */
  public ObjectNode variables() {
    return variables;
  }

  /** The variables {@code context} carries, or null. */
  public static ObjectNode variablesOf(JsonNode context) {
    return context instanceof ScopedContext scoped ? scoped.variables : null;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
