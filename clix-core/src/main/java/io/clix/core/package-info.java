/**
 * The Clix API: {@link io.clix.core.GameOrchestrator}, its immutable values ({@link io.clix.core.GameSpec},
 * {@link io.clix.core.GameView}, {@link io.clix.core.GameEvent}, ...), and one exception tree rooted at
 * {@link io.clix.core.ClixException}. Nothing here depends on AWS; {@code clix-aws} implements it on Step
 * Functions and DynamoDB, {@code clix-testkit} in memory.
 */
package io.clix.core;
