/**
 * The JUnit 5 contract suite every {@code GameOrchestrator} passes: {@link GameOrchestratorContract}, which runs
 * against a {@link ContractEnvironment}, and its parts, interfaces of JUnit 5 tests, one
 * per area of behaviour (creating, the lobby, leaving, the lobby timeout, rounds, the ends, events,
 * what is disclosed, value isolation, listeners, the async twins, concurrency, retries of calls
 * that landed, the result of a game that ended by itself). Extend
 * {@code GameOrchestratorContract} to run them all; implement single parts to run only those.
 */
package io.clix.testkit.contract;
