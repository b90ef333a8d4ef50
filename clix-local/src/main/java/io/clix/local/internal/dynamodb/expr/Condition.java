package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed condition or filter expression ({@link ConditionParser}): whether an item satisfies it.
 * A missing item is tested as an empty item, as DynamoDB's conditional writes do.
 */
public interface Condition {

  /** Whether {@code item} (in wire format, never {@code null}) satisfies the condition. */
  boolean test(ObjectNode item);
}
