package io.github.openrouter.spring.messages.tools;

import java.util.List;
import java.util.Objects;

import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.Usage;

/**
 * What a {@link ToolRunner} loop produced: the final message, the whole conversation and the
 * usage of every round.
 *
 * @param finalMessage the last message of the model
 * @param transcript the request's messages followed by every round's assistant message and tool
 * results, unchanged (thinking signatures and server tool blocks included); continue the
 * conversation with {@code request.toBuilder().messages(transcript).addUserMessage(...)}
 * @param responses every round's message, in order; the last is {@code finalMessage}
 * @param usage the usage summed over every round: tokens (cache reads and writes included),
 * thinking tokens, server tool requests and cost; descriptive values are the last round's
 * @param stop why the loop stopped
 * @since 0.1.0
 */
public record ToolLoopResult(MessageResponse finalMessage, List<MessageParam> transcript,
		List<MessageResponse> responses, Usage usage, ToolLoopStop stop) {

	/**
	 * Creates a result, copying the lists.
	 * @param finalMessage the last message of the model
	 * @param transcript the whole conversation
	 * @param responses every round's message
	 * @param usage the summed usage
	 * @param stop why the loop stopped
	 */
	public ToolLoopResult {
		Objects.requireNonNull(finalMessage, "finalMessage");
		transcript = List.copyOf(transcript);
		responses = List.copyOf(responses);
		Objects.requireNonNull(usage, "usage");
		Objects.requireNonNull(stop, "stop");
	}

	/**
	 * Returns the text of the final message.
	 * @return the concatenated text blocks of {@link #finalMessage()}
	 */
	public String text() {
		return this.finalMessage.text();
	}

	/**
	 * Returns how many times the model was called.
	 * @return the number of rounds, at least one
	 */
	public int rounds() {
		return this.responses.size();
	}

}
