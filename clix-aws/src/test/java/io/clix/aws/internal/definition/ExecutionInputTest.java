package io.clix.aws.internal.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExecutionInputTest {

  @Test
  void carriesTheGameAndBothTimeoutsInWholeSeconds() {
    assertThat(ExecutionInput.of("g1", Duration.ofSeconds(20), Duration.ofMinutes(1)).toString())
        .isEqualTo("{\"gameId\":\"g1\",\"lobbyTimeoutSeconds\":20,\"roundTimeoutSeconds\":60}");
  }

  @Test
  void roundsUpSoATimerNeverFiresBeforeTheDeadline() {
    assertThat(ExecutionInput.timeoutSeconds(Duration.ofMillis(20_001))).isEqualTo(21);
    assertThat(ExecutionInput.timeoutSeconds(Duration.ofMillis(999))).isEqualTo(1);
    assertThat(ExecutionInput.timeoutSeconds(Duration.ZERO)).isEqualTo(1);
    assertThat(ExecutionInput.timeoutSeconds(Duration.ofDays(365))).isEqualTo(31_536_000);
  }

  @Test
  void refusesWhatStepFunctionsCannotTake() {
    assertThatThrownBy(() -> ExecutionInput.timeoutSeconds(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExecutionInput.timeoutSeconds(Duration.ofSeconds(100_000_000)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
