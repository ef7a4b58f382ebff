package io.github.openrouter.spring.benchmarks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.MessageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The one request every client sends, and the checks every client applies to the answer.
 *
 * @since 0.1.0
 */
public final class Requests {

	/** The model named in every request. */
	public static final String MODEL = "anthropic/claude-sonnet-4";

	/** The maximum number of tokens asked in every request. */
	public static final int MAX_TOKENS = 1024;

	/** The user message of every request. */
	public static final String PROMPT = "Write a short poem about the sea.";

	private static final String MESSAGE_TEXT = FakeOpenRouterServer.messageText();

	private Requests() {
	}

	/**
	 * Returns the request the starter's clients send, through the public model.
	 * @return the request
	 */
	public static MessageRequest starterRequest() {
		return MessageRequest.builder().model(MODEL).maxTokens(MAX_TOKENS).addUserMessage(PROMPT).build();
	}

	/**
	 * Returns the request body of the floor client, built anew for each call as any client does.
	 * @param stream whether to ask for a stream
	 * @return the body to serialize
	 */
	static FloorRequest floorRequest(boolean stream) {
		return new FloorRequest(MODEL, MAX_TOKENS, List.of(new FloorMessage("user", PROMPT)), stream ? Boolean.TRUE : null);
	}

	/**
	 * Checks that a decoded answer carries the fake server's text.
	 * @param text the decoded text
	 * @return the text
	 */
	public static String checkMessageText(String text) {
		if (!MESSAGE_TEXT.equals(text)) {
			throw new IllegalStateException("Unexpected answer text: " + text);
		}
		return text;
	}

	/**
	 * Request body of the floor client.
	 *
	 * @param model the model
	 * @param maxTokens the token limit
	 * @param messages the conversation
	 * @param stream whether to stream
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FloorRequest(@JsonProperty("model") String model, @JsonProperty("max_tokens") int maxTokens,
			@JsonProperty("messages") List<FloorMessage> messages, @JsonProperty("stream") @Nullable Boolean stream) {
	}

	/**
	 * One message of the floor client's request.
	 *
	 * @param role the role
	 * @param content the text
	 */
	record FloorMessage(@JsonProperty("role") String role, @JsonProperty("content") String content) {
	}

}
