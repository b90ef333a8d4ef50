package io.clix.aws.internal.definition;

/**
 * How the generated waits hand over their task tokens, the definition code's own copy of the public
 * {@code io.clix.aws.Correlation} (translated at the public edge): {@link #CALLBACKS}, each wait a DynamoDB
 * {@code .waitForTaskToken} task writing its token into its game's item, or {@link #ACTIVITIES}, each wait a
 * task on a shared lobby or round activity.
 */
public enum WaitStyle {
  /** Each wait writes {@code $$.Task.Token} into its game's item. */
  CALLBACKS,
  /** Each wait is a task on the shared lobby or round activity. */
  ACTIVITIES
}
