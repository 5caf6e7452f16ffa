/**
 * The expression language: objectives written as text, such as {@code (x - 3)^2 + 10*(y + 1)^2},
 * parsed into an {@link dev.gradus.functions.expression.Expr} tree and compiled into a computation
 * graph. Start at {@link dev.gradus.functions.expression.Expressions} and {@link
 * dev.gradus.functions.expression.ExpressionObjective}; the grammar is in {@code
 * docs/expressions.md}.
 */
package dev.gradus.functions.expression;
