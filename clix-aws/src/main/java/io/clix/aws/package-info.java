/** Clix on AWS Step Functions and DynamoDB. */
package io.clix.aws;
