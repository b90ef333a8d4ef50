package io.clix.local.internal.sfn.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"2016-03-14T01:59:00Z", "2016-03-14T01:59:00.5Z", "2016-03-14T01:59:00.123456789Z",
        "2016-03-14T01:59:00+01:00", "2016-03-14T01:59:00-05:30", "2024-02-29T00:00:00Z"})
  void acceptsTheRfc3339Profile(String text) {
    assertThat(Timestamps.isValid(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2016-13-05T21:29:29Z", "2016-03-14t01:59:00Z", "2016-03-14T01:59:00z", "2016-03-14T01:59:00",
        "2016-03-14 01:59:00Z", "2023-02-29T00:00:00Z", "2016-03-14T25:00:00Z", "2016-03-14", "now"})
  void rejectsOtherShapesAndImpossibleDates(String text) {
    assertThat(Timestamps.isValid(text)).isFalse();
  }

  @Test
  void comparesByInstant() {
    assertThat(Timestamps.parse("2016-03-14T01:59:00+01:00")).contains(Instant.parse("2016-03-14T00:59:00Z"));
    assertThat(Timestamps.compare("2016-03-14T01:59:00+01:00", "2016-03-14T00:59:00Z")).isZero();
    assertThat(Timestamps.compare("2016-03-14T01:59:00Z", "2016-03-14T01:59:00.001Z")).isNegative();
  }
}
