/**
 * Tools as Java methods: {@link io.github.openrouter.spring.messages.tools.OpenRouterTool}
 * methods and {@link io.github.openrouter.spring.messages.tools.FunctionTool}s, run by a
 * {@link io.github.openrouter.spring.messages.tools.ToolRunner} that loops over the model's
 * {@code tool_use} blocks and sums usage and cost over every round. The wire types of tools are
 * in {@link io.github.openrouter.spring.messages.model.tool}.
 */
@NullMarked
package io.github.openrouter.spring.messages.tools;

import org.jspecify.annotations.NullMarked;
