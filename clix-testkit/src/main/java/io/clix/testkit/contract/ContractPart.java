package io.clix.testkit.contract;

/**
 * One part of {@link GameOrchestratorContract}: an interface whose default methods are JUnit 5
 * tests. {@code GameOrchestratorContract} implements every part and supplies the environment; a
 * class may also implement single parts to run only those.
 */
public interface ContractPart {

  /** The environment of the running test: opened before each test, closed after it. */
  ContractEnvironment environment();
}
