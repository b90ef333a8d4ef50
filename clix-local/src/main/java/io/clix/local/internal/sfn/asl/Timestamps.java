package io.clix.local.internal.sfn.asl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps as the Amazon States Language defines them: the RFC 3339 profile of ISO 8601 with an
 * uppercase {@code T} between date and time and an uppercase {@code Z} when there is no numeric
 * offset ({@code 2016-03-14T01:59:00Z}, {@code 2016-03-14T01:59:00.123+01:00}). Used by the
 * Choice timestamp comparisons and the Wait state's Timestamp fields.
 */
public final class Timestamps {

  private static final Pattern SHAPE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private Timestamps() {}

  /** The instant the text denotes, or empty if it is not a valid ASL timestamp. */
  public static Optional<Instant> parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whether the text is a valid ASL timestamp (a real date and time, e.g. no month 13). */
  public static boolean isValid(String text) {
    return parse(text).isPresent();
  }

  /**
   * Compares two timestamps by the instant they denote.
   *
   * @throws IllegalArgumentException if either is not a valid timestamp
   */
  public static int compare(String a, String b) {
    Instant left = parse(a).orElseThrow(() -> new IllegalArgumentException("not a timestamp: " + a));
    Instant right = parse(b).orElseThrow(() -> new IllegalArgumentException("not a timestamp: " + b));
    return left.compareTo(right);
  }
}
