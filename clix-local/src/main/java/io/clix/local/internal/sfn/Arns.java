package io.clix.local.internal.sfn;

import io.clix.local.internal.http.RequestRegion;
import java.util.regex.Pattern;

/** Builds and checks the ARNs the local Step Functions hands out, in AWS's format. */
final class Arns {

  /** Names may not hold whitespace, brackets, wildcards, these specials, or control characters. */
  private static final Pattern BAD_NAME_CHAR =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");

  private final String region;
  private final String accountId;

  /** ARNs in {@code region} unless the request was signed for another region. */
  Arns(String region, String accountId) {
    this.region = region;
    this.accountId = accountId;
  }

  private String prefix() {
    return "arn:aws:states:" + RequestRegion.current(region) + ":" + accountId + ":";
  }

  String stateMachine(String name) {
    return prefix() + "stateMachine:" + name;
  }

  String activity(String name) {
    return prefix() + "activity:" + name;
  }

  /** An execution's ARN, in its state machine's region and account. */
  static String execution(String stateMachineArn, String name) {
    String[] parts = stateMachineArn.split(":");
    return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4]) + ":execution:" + parts[6] + ":" + name;
  }

  /** An EXPRESS execution's ARN (StartSyncExecution): {@code ...:express:MACHINE:NAME:ID}. */
  static String expressExecution(String stateMachineArn, String name) {
    String[] parts = stateMachineArn.split(":");
    return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4]) + ":express:" + parts[6] + ":" + name
        + ":" + java.util.UUID.randomUUID();
  }

  /** The region part of an ARN. */
  static String region(String arn) {
    return arn.split(":", -1)[3];
  }

  static void checkName(String name) {
    if (name.isEmpty() || name.length() > 80 || BAD_NAME_CHAR.matcher(name).find()) {
      throw SfnErrors.invalidName(name);
    }
  }

  /**
   * Checks that {@code arn} is a Step Functions ARN of {@code type} (e.g. {@code stateMachine}),
   * with the wording AWS uses when it is not.
   */
  static void check(String arn, String type) {
    String[] parts = arn.split(":", -1);
    if (!arn.startsWith("arn:")) {
      throw SfnErrors.invalidArn(arn, "Invalid ARN prefix");
    }
    if (parts.length < 6 || parts[1].isEmpty()) {
      throw SfnErrors.invalidArn(arn);
    }
    if (!parts[2].equals("states")) {
      throw SfnErrors.invalidArn(parts[2], "Service not valid in this context");
    }
    if (!parts[5].equals(type)) {
      throw SfnErrors.invalidArn(parts[5], "Resource type not valid in this context");
    }
    int expected = type.equals("execution") ? 8 : 7;
    if (parts.length != expected) {
      throw SfnErrors.invalidArn(arn);
    }
  }

  /** The last ARN part, the resource's name. */
  static String name(String arn) {
    return arn.substring(arn.lastIndexOf(':') + 1);
  }
}
