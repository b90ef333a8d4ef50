package io.clix.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The attributes a value's builder was not given (never set, or set to {@code null}), for the one
 * {@link IllegalStateException} its {@code build()} throws naming them all.
 */
final class RequiredAttributes {
  private final String type;
  private final List<String> missing = new ArrayList<>();

  RequiredAttributes(String type) {
    this.type = type;
  }

  /** Notes {@code name} as missing if {@code value} is null. */
  RequiredAttributes check(String name, Object value) {
    if (value == null) {
      missing.add(name);
    }
    return this;
  }

  /** Notes {@code name} as missing unless {@code set}. */
  RequiredAttributes check(String name, boolean set) {
    if (!set) {
      missing.add(name);
    }
    return this;
  }

  /** Throws if any attribute is missing. */
  void throwIfAny() {
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Cannot build " + type + ": " + String.join(", ", missing)
          + " must be set and not null");
    }
  }
}
