package io.clix.local.internal.sfn.mock;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One entry of {@code MockedResponses}: answers by invocation number, from keys like {@code "0"} or
 * the inclusive range {@code "1-2"}. The first call of a mocked state in an execution is invocation
 * 0, and every retry is the next number.
 */
public final class MockedResponse {

  private record Entry(int last, MockAnswer answer) {}

  private final String name;
  private final NavigableMap<Integer, Entry> byFirst;

  private MockedResponse(String name, NavigableMap<Integer, Entry> byFirst) {
    this.name = name;
    this.byFirst = byFirst;
  }

  /** The response's name in the file. */
  public String name() {
    return name;
  }

  /** The answer for invocation {@code invocation} (0-based), or {@link MockAnswer.Missing} if none is given. */
  public MockAnswer answer(int invocation) {
    Map.Entry<Integer, Entry> floor = byFirst.floorEntry(invocation);
    if (floor != null && invocation <= floor.getValue().last()) {
      return floor.getValue().answer();
    }
    return new MockAnswer.Missing("The mocked response '" + name + "' has no answer for invocation " + invocation
        + " (invocations are numbered from 0; each retry is the next number).");
  }

  /** Builds a response from its parsed entries, refusing overlapping invocation ranges. */
  static final class Builder {
    private final String name;
    private final String where;
    private final TreeMap<Integer, Entry> byFirst = new TreeMap<>();

    Builder(String name, String where) {
      this.name = name;
      this.where = where;
    }

    void add(String key, int first, int last, MockAnswer answer) {
      Map.Entry<Integer, Entry> before = byFirst.floorEntry(last);
      if (before != null && before.getValue().last() >= first) {
        throw new MockConfigException(where + ".\"" + key + "\": invocation " + Math.max(first, before.getKey())
            + " is given twice");
      }
      byFirst.put(first, new Entry(last, answer));
    }

    MockedResponse build() {
      return new MockedResponse(name, byFirst);
    }
  }
}
