/** The Clix API: {@code GameOrchestrator}, its values, events and errors. */
package io.clix.core;
