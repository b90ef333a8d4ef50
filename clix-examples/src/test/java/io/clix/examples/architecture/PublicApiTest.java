package io.clix.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.core.GameOrchestrator;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import io.clix.testkit.InMemoryGameOrchestrator;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No public type of a published module hands out an {@code internal} type: not as a supertype, nor in the
 * signature of a public or protected constructor, method or field. Together with {@link PackageGraphTest} this is
 * what keeps {@code internal} packages from being used by accident.
 */
class PublicApiTest {

  @Test
  void publicSignaturesNameNoInternalType() throws ClassNotFoundException {
    Map<String, Class<?>> modules = new LinkedHashMap<>();
    modules.put("clix-core", GameOrchestrator.class);
    modules.put("clix-aws", AwsGameOrchestrator.class);
    modules.put("clix-testkit", InMemoryGameOrchestrator.class);
    modules.put("clix-local", LocalStack.class);
    modules.put("clix-local-junit5", LocalStackExtension.class);
    ClassGraph graph = ClassGraph.of(modules);

    Set<String> leaks = new TreeSet<>();
    int checked = 0;
    for (Set<String> classes : graph.classesByModule.values()) {
      for (String name : classes) {
        if (isInternal(name)) {
          continue;
        }
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (!isVisible(type)) {
          continue;
        }
        checked++;
        List<Type> exposed = new ArrayList<>();
        exposed.add(type.getGenericSuperclass());
        exposed.addAll(List.of(type.getGenericInterfaces()));
        for (Field field : type.getDeclaredFields()) {
          if (isVisible(field.getModifiers())) {
            exposed.add(field.getGenericType());
          }
        }
        List<Executable> members = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        members.addAll(List.of(type.getDeclaredMethods()));
        for (Executable member : members) {
          if (!isVisible(member.getModifiers()) || member.isSynthetic()) {
            continue;
          }
          if (member instanceof Method method) {
            exposed.add(method.getGenericReturnType());
          }
          exposed.addAll(List.of(member.getGenericParameterTypes()));
          exposed.addAll(List.of(member.getGenericExceptionTypes()));
        }
        for (Type t : exposed) {
          Set<String> internals = new TreeSet<>();
          collectInternal(t, internals);
          internals.forEach(internal -> leaks.add(name + " exposes " + internal));
        }
      }
    }
    assertThat(checked).as("public types checked").isGreaterThan(20);
    assertThat(leaks).as("internal types in public signatures").isEmpty();
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) && !(c != type && Modifier.isProtected(c.getModifiers()))) {
        return false;
      }
    }
    return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass();
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void collectInternal(Type type, Set<String> into) {
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (isInternal(c.getName())) {
        into.add(c.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      collectInternal(p.getRawType(), into);
      for (Type argument : p.getActualTypeArguments()) {
        collectInternal(argument, into);
      }
    } else if (type instanceof GenericArrayType a) {
      collectInternal(a.getGenericComponentType(), into);
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        collectInternal(bound, into);
      }
      for (Type bound : w.getLowerBounds()) {
        collectInternal(bound, into);
      }
    }
  }

  private static boolean isInternal(String name) {
    return name.contains(".internal.");
  }
}
