package io.clix.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void flagsHaveDefaultsAndBounds() throws Exception {
    assertThat(DemoOptions.parse(new String[0])).isEqualTo(new DemoOptions(8, 4, 3, List.of("callbacks", "activities")));
    assertThat(DemoOptions.parse(new String[] {"--games", "2", "--mode", "activities"}))
        .isEqualTo(new DemoOptions(2, 4, 3, List.of("activities")));
    assertThat(DemoOptions.parse(new String[] {"--help"})).isNull();
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--games", "0"}))
        .hasMessage("--games must be between 1 and 200, was 0");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--mode", "lambda"}))
        .hasMessage("--mode must be callbacks, activities or both, was 'lambda'");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--players"})).hasMessage("--players needs a value");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--fast"})).hasMessage("unknown flag '--fast' (try --help)");
  }

  @Test
  void clixFinishesEveryGameWithoutAMixUpInBothModes() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DemoMain.run(new DemoOptions(3, 2, 2, List.of("callbacks", "activities")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).containsPattern("seed: one shared activity\\s+3\\s+3\\s+0\\s+\\d+");
    assertThat(out).containsPattern("Clix, callbacks\\s+3\\s+6\\s+3\\s+0\\n");
    assertThat(out).containsPattern("Clix, activities\\s+3\\s+6\\s+3\\s+0\\n");
    assertThat(out).contains("callbacks-game-1  FINISHED", "round 2 closed");
  }
}
