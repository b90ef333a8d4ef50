package io.clix.local.dynamodb.oracle;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Seeded random sequences of {@value #STEPS} operations (see {@link RandomOperations}) sent to
 * both endpoints and compared step by step. A failure names the seed and the step; re-run one
 * seed with {@code -Doracle.seeds=<seed>} (comma-separated for several).
 */
@ExtendWith(DifferentialExtension.class)
class RandomSequenceOracleTest {

  static final int STEPS = 500;

  static LongStream seeds() {
    String seeds = System.getProperty("oracle.seeds", "20261125,7");
    return Arrays.stream(seeds.split(",")).map(String::trim).mapToLong(Long::parseLong);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomSequenceAnswersAsDynaliteDoes(long seed, Differential differential) {
    differential.startFromFixture();
    RandomOperations operations = new RandomOperations(seed);
    Map<String, Integer> answers = new TreeMap<>();
    try {
      for (int i = 1; i <= STEPS; i++) {
        Step step = operations.next();
        Differential.Outcome outcome = differential.send(step);
        String operation = step.request().fieldNames().next();
        String answer = outcome.dynalite().path("error").path("type").asText("ok");
        answers.merge(operation + " " + answer, 1, Integer::sum);
        if (!outcome.same()) {
          throw new AssertionFailedError("seed " + seed + ", step " + i + " of " + STEPS
              + ": the embedded endpoint and dynalite answer differently (re-run with -Doracle.seeds=" + seed + ")\n"
              + Differential.report(step, outcome),
              Differential.json(outcome.dynalite()), Differential.json(outcome.embedded()));
        }
      }
      System.err.println("seed " + seed + ": " + STEPS + " steps answered alike: " + answers);
    } finally {
      differential.tablesChanged(null);
    }
  }
}
