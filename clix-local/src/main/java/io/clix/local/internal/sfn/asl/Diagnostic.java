package io.clix.local.internal.sfn.asl;

/**
 * One problem found in a state machine definition, shaped like the ValidateStateMachineDefinition
 * API's diagnostic: severity ({@code ERROR} or {@code WARNING}), code ({@code
 * SCHEMA_VALIDATION_FAILED}, {@code MISSING_TRANSITION_TARGET}, ...), message, and location (a
 * JSON pointer such as {@code /States/FailState/ErrorPath}; {@code null} when not applicable).
 */
public record Diagnostic(String severity, String code, String message, String location) {

  /** An {@code ERROR} diagnostic. */
  static Diagnostic error(String code, String message, String location) {
    return new Diagnostic("ERROR", code, message, location);
  }

  /** The diagnostic as CreateStateMachine's InvalidDefinition message lists it: {@code CODE: message at location}. */
  public String describe() {
    return code + ": " + message + (location == null ? "" : " at " + location);
  }
}
