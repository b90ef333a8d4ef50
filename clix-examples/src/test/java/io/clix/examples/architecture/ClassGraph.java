package io.clix.examples.architecture;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The compiled main code of the Clix modules as a package graph, read by the JDK's {@code jdeps}: which module
 * holds each {@code io.clix} package, and which {@code io.clix} packages each one uses.
 */
final class ClassGraph {

  private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.clix\\S*)\\s+->\\s+(io\\.clix\\S*)\\s.*$");

  /** Module name to the packages its main code holds (a package held by two modules appears under both). */
  final Map<String, Set<String>> packagesByModule = new LinkedHashMap<>();
  /** Module name to the binary names of the classes its main code holds. */
  final Map<String, Set<String>> classesByModule = new LinkedHashMap<>();
  /** Package to the other {@code io.clix} packages it uses. */
  final Map<String, Set<String>> uses = new TreeMap<>();

  /** Reads the modules, each found through one of its classes (a classes directory in the reactor, or a jar). */
  static ClassGraph of(Map<String, Class<?>> anchors) {
    ClassGraph graph = new ClassGraph();
    List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none", "-e", "io\\.clix\\..*"));
    for (Map.Entry<String, Class<?>> module : anchors.entrySet()) {
      Path location = locationOf(module.getValue());
      Set<String> classes = classesIn(location);
      graph.classesByModule.put(module.getKey(), classes);
      Set<String> packages = new TreeSet<>();
      classes.forEach(c -> packages.add(c.substring(0, c.lastIndexOf('.'))));
      graph.packagesByModule.put(module.getKey(), packages);
      args.add(location.toString());
    }
    for (String line : jdeps(args).split("\\R")) {
      Matcher edge = EDGE.matcher(line);
      if (edge.matches() && !edge.group(1).equals(edge.group(2))) {
        graph.uses.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
      }
    }
    return graph;
  }

  /** The module holding a package, or null. */
  String moduleOf(String pkg) {
    for (Map.Entry<String, Set<String>> module : packagesByModule.entrySet()) {
      if (module.getValue().contains(pkg)) {
        return module.getKey();
      }
    }
    return null;
  }

  /** The strongly connected components of more than one package (Tarjan), each sorted, in a stable order. */
  List<Set<String>> cycles() {
    Tarjan tarjan = new Tarjan();
    for (String pkg : uses.keySet()) {
      if (!tarjan.index.containsKey(pkg)) {
        tarjan.visit(pkg);
      }
    }
    tarjan.components.sort((a, b) -> a.toString().compareTo(b.toString()));
    return tarjan.components;
  }

  private final class Tarjan {
    final Map<String, Integer> index = new TreeMap<>();
    final Map<String, Integer> low = new TreeMap<>();
    final List<String> stack = new ArrayList<>();
    final List<Set<String>> components = new ArrayList<>();

    void visit(String pkg) {
      index.put(pkg, index.size());
      low.put(pkg, index.get(pkg));
      stack.add(pkg);
      for (String next : uses.getOrDefault(pkg, Collections.emptySet())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(pkg, Math.min(low.get(pkg), low.get(next)));
        } else if (stack.contains(next)) {
          low.put(pkg, Math.min(low.get(pkg), index.get(next)));
        }
      }
      if (low.get(pkg).equals(index.get(pkg))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.remove(stack.size() - 1);
          component.add(member);
        } while (!member.equals(pkg));
        if (component.size() > 1) {
          components.add(component);
        }
      }
    }
  }

  private static String jdeps(List<String> args) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps")
        .orElseThrow(() -> new IllegalStateException("jdeps is missing: run the build on a JDK, not a JRE"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("jdeps " + args + " exited " + exit + ": " + err + out);
    }
    return out.toString();
  }

  private static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> classesIn(Path location) {
    Set<String> classes = new TreeSet<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files.map(f -> location.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
              .forEach(name -> addClass(name, classes));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          jar.stream().forEach(entry -> addClass(entry.getName(), classes));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classes;
  }

  private static void addClass(String path, Set<String> classes) {
    if (path.startsWith("io/clix/") && path.endsWith(".class") && !path.endsWith("package-info.class")) {
      classes.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
    }
  }
}
