/**
 * DynamoDB's PartiQL dialect for the local stack's DynamoDB endpoint:
 * {@link io.clix.local.internal.dynamodb.partiql.PartiqlParser} reads a statement (SELECT, INSERT,
 * UPDATE, DELETE, and EXISTS for transaction conditions) into {@link
 * io.clix.local.internal.dynamodb.partiql.Statement} and {@link
 * io.clix.local.internal.dynamodb.partiql.Node} trees, and {@link
 * io.clix.local.internal.dynamodb.partiql.ExpressionWriter} turns their conditions, updates and
 * projections into DynamoDB expressions with bound placeholders, so the endpoint's own expression
 * evaluation runs them. Syntax errors read as DynamoDB's: "Statement wasn't well formed, can't be
 * processed: ...".
 */
package io.clix.local.internal.dynamodb.partiql;
