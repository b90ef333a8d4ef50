package io.clix.local.internal.sfn.asl;

import java.util.List;

/**
 * A state machine definition that Step Functions would refuse. The message is the one
 * CreateStateMachine's {@code InvalidDefinition} error carries: {@code Invalid State Machine
 * Definition: 'CODE: message at location, CODE: ...'}.
 */
public final class InvalidDefinitionException extends RuntimeException {

  private final transient List<Diagnostic> diagnostics;

  /** An exception with the given message and no structured diagnostics. */
  public InvalidDefinitionException(String message) {
    this(message, List.of());
  }

  /** An exception with the given message and the diagnostics behind it. */
  public InvalidDefinitionException(String message, List<Diagnostic> diagnostics) {
    super(message, null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The errors found, in the order they were found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
