package io.clix.testkit.internal.sfn.asl;

/** STUB (throwaway). */
public class InvalidDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidDefinitionException(String message) {
    super(message);
  }
}
