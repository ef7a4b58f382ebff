package io.github.openrouter.spring.benchmarks.springai;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Spring AI 2.0's Anthropic chat model configured as a Spring user points it at OpenRouter (base URL
 * {@code https://openrouter.ai/api}, so that the SDK's {@code /v1/messages} lands on
 * {@code /api/v1/messages}; an API key; the model and {@code max_tokens} as default options), here at
 * the benchmarks' fake server. Loaded by the benchmarks in a class loader of its own with Spring AI's
 * whole dependency set, so it offers only {@code java.*} types: {@link Supplier#get()} makes one
 * {@link AnthropicChatModel#call(Prompt) call} and returns the answer's text, and
 * {@link Function#apply(Object)} prepares a {@link AnthropicChatModel#stream(Prompt) stream} with extra
 * request headers and returns a publisher of its text deltas, each subscription a new request.
 * Every call runs with this class loader as the thread's context class loader, as in an application
 * whose class path holds Spring AI.
 *
 * @since 0.1.0
 */
public final class SpringAiChat
		implements Supplier<String>, Function<Map<String, String>, Flow.Publisher<String>>, AutoCloseable {

	private static final ClassLoader LOADER = SpringAiChat.class.getClassLoader();

	private final AnthropicChatModel chatModel;

	private final String prompt;

	private final Prompt createPrompt;

	/**
	 * Creates the chat model.
	 * @param baseUrl the base URL, without {@code /v1}
	 * @param apiKey the API key
	 * @param model the model of every request
	 * @param maxTokens the {@code max_tokens} of every request
	 * @param prompt the user message of every request
	 * @param maxIdleConnections the idle connections OkHttp keeps (its default is 5)
	 */
	public SpringAiChat(String baseUrl, String apiKey, String model, int maxTokens, String prompt,
			int maxIdleConnections) {
		this.prompt = prompt;
		this.createPrompt = new Prompt(prompt);
		this.chatModel = withLoader(() -> AnthropicChatModel.builder()
			.options(AnthropicChatOptions.builder()
				.baseUrl(baseUrl)
				.apiKey(apiKey)
				.model(model)
				.maxTokens(maxTokens)
				.build())
			.httpClientBuilderCustomizer((http) -> http.maxIdleConnections(maxIdleConnections)
				.keepAliveDuration(Duration.ofMinutes(5)))
			.build());
	}

	/**
	 * Makes one non-streaming call.
	 * @return the answer's text
	 */
	@Override
	public String get() {
		return withLoader(() -> text(this.chatModel.call(this.createPrompt)));
	}

	/**
	 * Prepares a streaming call.
	 * @param headers the extra request headers
	 * @return the text deltas of a new request for each subscription
	 */
	@Override
	public Flow.Publisher<String> apply(Map<String, String> headers) {
		Prompt streamPrompt = new Prompt(this.prompt, AnthropicChatOptions.builder().httpHeaders(headers).build());
		Flux<String> deltas = Flux.defer(() -> this.chatModel.stream(streamPrompt)).mapNotNull(SpringAiChat::text);
		Flow.Publisher<String> publisher = JdkFlowAdapter.publisherToFlowPublisher(deltas);
		return (subscriber) -> withLoader(() -> {
			publisher.subscribe(subscriber);
			return null;
		});
	}

	private static @Nullable String text(ChatResponse response) {
		Generation generation = response.getResult();
		if (generation == null) {
			return null;
		}
		String text = generation.getOutput().getText();
		return (text == null || text.isEmpty()) ? null : text;
	}

	@Override
	public void close() {
		withLoader(() -> {
			this.chatModel.getAnthropicClient().close();
			this.chatModel.getAnthropicClientAsync().close();
			return null;
		});
	}

	private static <T> T withLoader(Supplier<T> action) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(LOADER);
		try {
			return action.get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

}
