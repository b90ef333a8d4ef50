package io.clix.local.internal.dynamodb.expr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's reserved words (the developer guide's "Reserved words in DynamoDB" list, 573 words,
 * compared without regard to case): a bare attribute name in an expression must not be one of them.
 */
public final class ReservedWords {

  private static final Set<String> WORDS = load();

  private ReservedWords() {
  }

  /** Whether {@code name} is reserved, ignoring case. */
  public static boolean isReserved(String name) {
    return WORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  /** How many words are reserved. */
  public static int count() {
    return WORDS.size();
  }

  private static Set<String> load() {
    try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("reserved-words.txt is missing from the classpath");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return Set.of(text.trim().split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
