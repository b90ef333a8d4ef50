/**
 * The Clix API: {@link io.clix.core.GameOrchestrator}, its immutable values ({@link io.clix.core.GameSpec},
 * {@link io.clix.core.GameView}, {@link io.clix.core.GameEvent}, ...), and one exception tree rooted at
 * {@link io.clix.core.ClixException}. Nothing here depends on AWS; {@code clix-aws} implements it on Step
 * Functions and DynamoDB, {@code clix-testkit} in memory.
 */
@Value.Style(
    get = {"is*", "get*"},
    init = "*",
    defaults = @Value.Immutable(copy = true),
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    // No @org.immutables.value.Generated on generated classes: users compile without Immutables on the classpath.
    allowedClasspathAnnotations = {java.lang.Override.class})
package io.clix.core;

import org.immutables.value.Value;
