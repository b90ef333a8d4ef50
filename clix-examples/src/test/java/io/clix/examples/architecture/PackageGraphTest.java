package io.clix.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.core.GameOrchestrator;
import io.clix.examples.QuickStart;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import io.clix.testkit.InMemoryGameOrchestrator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the main code of every module, read from its compiled classes: no package cycles, no package in two
 * modules, and no module's public packages using another module's {@code internal} packages. The jars carry an
 * {@code Automatic-Module-Name} rather than a module-info (Jackson and the JUnit contract suite would need opens
 * and patched test modules), so this test is what keeps {@code internal} internal.
 */
class PackageGraphTest {

  /**
   * Public packages (and their subpackages) allowed to use another module's internal packages (and theirs): the
   * orchestrators are built on core's engine, and the benchmarks measure it.
   */
  private static final Set<List<String>> ALLOWED_INTERNAL_USES = Set.of(
      List.of("io.clix.aws", "io.clix.core.internal"),
      List.of("io.clix.testkit", "io.clix.core.internal"),
      List.of("io.clix.examples.bench", "io.clix.core.internal"));

  private static ClassGraph graph;

  @BeforeAll
  static void readTheCompiledModules() {
    Map<String, Class<?>> modules = new LinkedHashMap<>();
    modules.put("clix-core", GameOrchestrator.class);
    modules.put("clix-aws", AwsGameOrchestrator.class);
    modules.put("clix-testkit", InMemoryGameOrchestrator.class);
    modules.put("clix-local", LocalStack.class);
    modules.put("clix-local-junit5", LocalStackExtension.class);
    modules.put("clix-examples", QuickStart.class);
    graph = ClassGraph.of(modules);
  }

  @Test
  void theGraphWasRead() {
    assertThat(graph.packagesByModule.get("clix-core")).contains("io.clix.core", "io.clix.core.internal");
    assertThat(graph.uses.get("io.clix.aws")).contains("io.clix.core");
  }

  @Test
  void noPackageCycles() {
    List<String> cycles = new ArrayList<>();
    for (Set<String> cycle : graph.cycles()) {
      List<String> inside = new ArrayList<>();
      for (String pkg : cycle) {
        for (String used : graph.uses.getOrDefault(pkg, Set.of())) {
          if (cycle.contains(used)) {
            inside.add(pkg + " -> " + used);
          }
        }
      }
      cycles.add(cycle + " through " + inside);
    }
    assertThat(cycles).as("package cycles in the main code").isEmpty();
  }

  @Test
  void noPackageIsSplitAcrossModules() {
    Map<String, Set<String>> holders = new LinkedHashMap<>();
    graph.packagesByModule.forEach((module, packages) ->
        packages.forEach(pkg -> holders.computeIfAbsent(pkg, p -> new TreeSet<>()).add(module)));
    holders.values().removeIf(modules -> modules.size() == 1);
    assertThat(holders).as("packages held by more than one module").isEmpty();
  }

  @Test
  void publicPackagesUseNoOtherModulesInternals() {
    List<String> uses = new ArrayList<>();
    graph.uses.forEach((pkg, used) -> {
      String module = graph.moduleOf(pkg);
      for (String target : used) {
        String targetModule = graph.moduleOf(target);
        if (!isInternal(pkg) && isInternal(target) && targetModule != null && !targetModule.equals(module)
            && !allowed(pkg, target)) {
          uses.add(pkg + " (" + module + ") -> " + target + " (" + targetModule + ")");
        }
      }
    });
    assertThat(uses).as("public packages using another module's internal packages").isEmpty();
  }

  private static boolean allowed(String pkg, String target) {
    return ALLOWED_INTERNAL_USES.stream().anyMatch(rule -> within(pkg, rule.get(0)) && within(target, rule.get(1)));
  }

  private static boolean within(String pkg, String root) {
    return pkg.equals(root) || pkg.startsWith(root + ".");
  }

  private static boolean isInternal(String pkg) {
    return pkg.contains(".internal.") || pkg.endsWith(".internal");
  }
}
