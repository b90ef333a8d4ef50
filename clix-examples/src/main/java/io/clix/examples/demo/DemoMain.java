package io.clix.examples.demo;

/** The demo (placeholder). */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) {
    System.out.println("Clix demo");
  }
}
