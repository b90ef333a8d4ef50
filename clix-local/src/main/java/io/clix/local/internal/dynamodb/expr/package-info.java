/**
 * DynamoDB's expression languages and attribute value rules for the local stack's DynamoDB endpoint:
 * {@link io.clix.local.internal.dynamodb.expr.ExpressionContext} holds a request's placeholders,
 * {@link io.clix.local.internal.dynamodb.expr.ConditionParser},
 * {@link io.clix.local.internal.dynamodb.expr.UpdateParser},
 * {@link io.clix.local.internal.dynamodb.expr.ProjectionParser} and
 * {@link io.clix.local.internal.dynamodb.expr.KeyConditionParser} parse the expressions with
 * DynamoDB's {@code ValidationException} wording, and
 * {@link io.clix.local.internal.dynamodb.expr.AttributeValues} validates, orders, compares and sizes
 * values in wire format.
 */
package io.clix.local.internal.dynamodb.expr;
