package io.github.openrouter.spring.test;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.Role;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.model.tool.Tool;

/**
 * Predicates on requests, for {@link OpenRouterStub#answerWhen}, and the facts they read.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
public final class StubRequests {

	private StubRequests() {
	}

	/**
	 * Matches requests for a model.
	 * @param model the model slug, for example {@code anthropic/claude-sonnet-4.5}
	 * @return the predicate
	 */
	public static Predicate<MessageRequest> model(String model) {
		Objects.requireNonNull(model, "model");
		return (request) -> model.equals(request.model());
	}

	/**
	 * Matches requests whose last user message contains a text.
	 * @param text the text to look for
	 * @return the predicate
	 */
	public static Predicate<MessageRequest> lastUserTextContains(String text) {
		Objects.requireNonNull(text, "text");
		return (request) -> lastUserText(request).contains(text);
	}

	/**
	 * Matches streaming requests.
	 * @return the predicate
	 */
	public static Predicate<MessageRequest> streaming() {
		return (request) -> Boolean.TRUE.equals(request.stream());
	}

	/**
	 * Matches requests that offer a tool.
	 * @param name the tool's name
	 * @return the predicate
	 */
	public static Predicate<MessageRequest> offersTool(String name) {
		Objects.requireNonNull(name, "name");
		return (request) -> request.tools() != null
				&& request.tools().stream().anyMatch((tool) -> name.equals(name(tool)));
	}

	/**
	 * Returns the text of the last user message: its text blocks, joined.
	 * @param request the request
	 * @return the text, empty when there is no user message
	 */
	public static String lastUserText(MessageRequest request) {
		List<MessageParam> messages = request.messages();
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (Role.USER.equals(messages.get(i).role())) {
				return messages.get(i).content().asText();
			}
		}
		return "";
	}

	private static String name(Tool tool) {
		return (tool instanceof CustomTool custom) ? custom.name() : "";
	}

}
