package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorMatchingTest {

  @Test
  void exactNamesMatch() {
    assertThat(ErrorMatching.matches(List.of("MyError", "Other"), "MyError")).isTrue();
    assertThat(ErrorMatching.matches(List.of("MyError"), "myerror")).isFalse();
  }

  @Test
  void allMatchesEverythingButTerminalErrors() {
    assertThat(ErrorMatching.matches(List.of("States.ALL"), "States.Timeout")).isTrue();
    assertThat(ErrorMatching.matches(List.of("States.ALL"), "Custom")).isTrue();
    assertThat(ErrorMatching.matches(List.of("States.ALL"), "States.Runtime")).isFalse();
    assertThat(ErrorMatching.matches(List.of("States.ALL"), "States.DataLimitExceeded")).isFalse();
    assertThat(ErrorMatching.matches(List.of("States.DataLimitExceeded"), "States.DataLimitExceeded")).isTrue();
    assertThat(ErrorMatching.matches(List.of("States.Runtime"), "States.Runtime")).isFalse();
  }

  @Test
  void taskFailedMatchesAllButTimeout() {
    assertThat(ErrorMatching.matches(List.of("States.TaskFailed"), "States.HeartbeatTimeout")).isTrue();
    assertThat(ErrorMatching.matches(List.of("States.TaskFailed"), "Custom")).isTrue();
    assertThat(ErrorMatching.matches(List.of("States.TaskFailed"), "States.Timeout")).isFalse();
    assertThat(ErrorMatching.matches(json("{'ErrorEquals':['States.Timeout']}"), "States.Timeout")).isTrue();
  }

  @Test
  void defaultsAreOneSecondDoublingThreeAttempts() {
    var retrier = json("{'ErrorEquals':['States.ALL']}");
    assertThat(ErrorMatching.maxAttempts(retrier)).isEqualTo(3);
    assertThat(ErrorMatching.retryDelay(retrier, 1, new Random(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(ErrorMatching.retryDelay(retrier, 2, new Random(1))).isEqualTo(Duration.ofSeconds(2));
    assertThat(ErrorMatching.retryDelay(retrier, 3, new Random(1))).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void backoffIsCappedByMaxDelay() {
    var retrier = json("{'IntervalSeconds':3,'BackoffRate':1.5,'MaxDelaySeconds':5,'MaxAttempts':0}");
    assertThat(ErrorMatching.maxAttempts(retrier)).isZero();
    assertThat(ErrorMatching.retryDelay(retrier, 2, new Random(1))).isEqualTo(Duration.ofMillis(4500));
    assertThat(ErrorMatching.retryDelay(retrier, 3, new Random(1))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void fullJitterStaysBetweenZeroAndTheDelay() {
    var retrier = json("{'IntervalSeconds':10,'JitterStrategy':'FULL'}");
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      Duration d = ErrorMatching.retryDelay(retrier, 2, random);
      assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(20));
    }
    assertThat(ErrorMatching.retryDelay(retrier, 2, new Random(7)))
        .isNotEqualTo(ErrorMatching.retryDelay(retrier, 2, new Random(8)));
  }
}
