package io.github.openrouter.spring.sample.demo;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One answer of the demo stub, before it is written as JSON or as a server-sent event stream.
 *
 * @param id the message id ({@code msg_demo_…})
 * @param model the model that "served" the request: the requested one
 * @param provider the provider name reported in {@code provider} and the routing metadata
 * @param content the content blocks in their final form; treat them as read-only
 * @param stopReason why the answer ended ({@code end_turn}, {@code tool_use} or {@code max_tokens})
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens, thinking included
 * @param cacheCreationInputTokens input tokens written to the cache
 * @param cacheReadInputTokens input tokens read from the cache
 * @param thinkingTokens output tokens spent on thinking
 * @param cost cost in USD
 * @param openRouterMetadata the routing metadata, sent only when the caller opted in
 * @since 0.1.0
 */
public record DemoReply(String id, String model, String provider, List<JsonNode> content, String stopReason,
		int inputTokens, int outputTokens, int cacheCreationInputTokens, int cacheReadInputTokens, int thinkingTokens,
		BigDecimal cost, ObjectNode openRouterMetadata) {

	/**
	 * Creates a reply, copying the list of blocks.
	 */
	public DemoReply {
		content = List.copyOf(content);
	}

	/**
	 * Returns the text of all text blocks, joined.
	 * @return the answer text
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (JsonNode block : this.content) {
			if ("text".equals(block.path("type").asString(""))) {
				text.append(block.path("text").asString(""));
			}
		}
		return text.toString();
	}

	/**
	 * Returns all input tokens: uncached, cache writes and cache reads.
	 * @return the total input tokens
	 */
	public int totalInputTokens() {
		return this.inputTokens + this.cacheCreationInputTokens + this.cacheReadInputTokens;
	}

}
