package io.clix.core;

import java.util.List;

/**
 * A call was refused before anything was written because an argument breaks a rule: each
 * {@link Violation} names the field and the rule. Not retryable.
 */
public class InvalidRequestException extends ClixException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public InvalidRequestException(String gameId, List<Violation> violations) {
    super(describe(violations), gameId);
    this.violations = List.copyOf(violations);
  }

  /** One violation: the field and the rule. */
  public InvalidRequestException(String gameId, String field, String rule) {
    this(gameId, List.of(new Violation(field, rule)));
  }

  /** Every rule the request broke, in field order. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    StringBuilder sb = new StringBuilder("invalid request: ");
    for (int i = 0; i < violations.size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(violations.get(i));
    }
    return sb.toString();
  }

  /** A field and the rule its value breaks. */
  public static final class Violation implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public Violation(String field, String rule) {
      this.field = field;
      this.rule = rule;
    }

    public String field() {
      return field;
    }

    public String rule() {
      return rule;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Violation && ((Violation) o).field.equals(field) && ((Violation) o).rule.equals(rule);
    }

    @Override
    public int hashCode() {
      return field.hashCode() * 31 + rule.hashCode();
    }

    @Override
    public String toString() {
      return field + " " + rule;
    }
  }
}
