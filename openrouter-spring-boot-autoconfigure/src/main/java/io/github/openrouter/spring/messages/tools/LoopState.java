package io.github.openrouter.spring.messages.tools;

import java.util.ArrayList;
import java.util.List;

import io.github.openrouter.spring.messages.model.AdaptiveThinking;
import io.github.openrouter.spring.messages.model.EnabledThinking;
import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.content.RedactedThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolResultBlock;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import org.jspecify.annotations.Nullable;

/**
 * The state of a tool loop between rounds; immutable.
 *
 * @param request the request with the runner's tools
 * @param transcript the messages so far
 * @param responses the answers so far
 * @param usage their summed usage, or {@code null} if none reported any
 * @param pin the answer whose model and provider the later rounds keep, or {@code null} to route
 * every round like the first
 */
record LoopState(MessageRequest request, List<MessageParam> transcript, List<MessageResponse> responses,
		@Nullable Usage usage, @Nullable MessageResponse pin) {

	private static final Usage NO_USAGE = new Usage(null, null, null, null, null, null, null, null, null, null, null,
			null, null, null);

	static LoopState start(MessageRequest request) {
		return new LoopState(request, request.messages(), List.of(), null, null);
	}

	MessageRequest nextRequest() {
		MessageRequest.Builder next = this.request.toBuilder().messages(this.transcript);
		MessageResponse pinned = this.pin;
		if (pinned != null) {
			if (pinned.model() != null) {
				next.model(pinned.model()).models((List<String>) null).fallbacks(null).route(null);
			}
			if (pinned.provider() != null) {
				ProviderPreferences preferences = (this.request.provider() != null) ? this.request.provider()
						: ProviderPreferences.builder().build();
				next.provider(preferences.toBuilder().order(List.of(pinned.provider())).allowFallbacks(false).build());
			}
		}
		return next.build();
	}

	LoopState withResponse(MessageResponse response) {
		MessageResponse pinned = (this.pin == null && thinks(response)) ? this.responses.isEmpty() ? response
				: this.responses.get(0) : this.pin;
		return new LoopState(this.request, plus(this.transcript, response.toMessageParam()),
				plus(this.responses, response), UsageSum.add(this.usage, response.usage()), pinned);
	}

	LoopState withResults(List<ToolResultBlock> results) {
		return new LoopState(this.request, plus(this.transcript, MessageParam.user(results)), this.responses,
				this.usage, this.pin);
	}

	ToolLoopResult result(ToolLoopStop stop) {
		Usage sum = this.usage;
		return new ToolLoopResult(this.responses.get(this.responses.size() - 1), this.transcript, this.responses,
				(sum != null) ? sum : NO_USAGE, stop);
	}

	/**
	 * Whether an answer binds the conversation to its model and provider: the request enables
	 * thinking, or the answer carries signed thinking anyway.
	 */
	private boolean thinks(MessageResponse response) {
		if (this.request.thinking() instanceof EnabledThinking || this.request.thinking() instanceof AdaptiveThinking) {
			return true;
		}
		return response.content()
			.stream()
			.anyMatch((block) -> block instanceof ThinkingBlock || block instanceof RedactedThinkingBlock);
	}

	private static <T> List<T> plus(List<T> list, T element) {
		List<T> copy = new ArrayList<>(list.size() + 1);
		copy.addAll(list);
		copy.add(element);
		return List.copyOf(copy);
	}

}
