package io.github.openrouter.spring.messages.structured.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OutputConfig;
import io.github.openrouter.spring.messages.model.OutputFormat;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.streaming.MessageAccumulator;
import io.github.openrouter.spring.messages.structured.JsonOutput;
import io.github.openrouter.spring.messages.structured.OutputParseException;
import io.github.openrouter.spring.messages.structured.OutputRefusedException;
import io.github.openrouter.spring.messages.structured.OutputTruncatedException;
import io.github.openrouter.spring.messages.structured.OutputValidationException;
import io.github.openrouter.spring.messages.structured.StructuredOutputException;
import io.github.openrouter.spring.messages.structured.StructuredResponse;
import io.github.openrouter.spring.messages.structured.StructuredStream;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured-output calls over a messages client: sends the schema of a {@link JsonOutput} as
 * {@code output_config.format}, reads the answer with one mapper, and runs the opt-in
 * validation and corrective retry.
 *
 * <p>
 * A client with its own mapper holds one instance built on it; {@link #defaults()} uses a plain
 * {@link JsonMapper}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class StructuredCalls {

	/** Most distinct schemas whose validators are kept. */
	private static final int MAX_CACHED_VALIDATORS = 256;

	private final JsonMapper mapper;

	private final TypeSchemas schemas;

	private final Map<JsonNode, AnswerValidator> validators = new ConcurrentHashMap<>();

	/**
	 * Creates calls that read answers and derive schemas with a mapper.
	 * @param mapper the client's mapper
	 */
	public StructuredCalls(JsonMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "mapper");
		this.schemas = new TypeSchemas(mapper);
	}

	/**
	 * Returns the calls of clients that bring no mapper of their own.
	 * @return the shared instance, on a plain {@link JsonMapper}
	 */
	public static StructuredCalls defaults() {
		return Defaults.INSTANCE;
	}

	/**
	 * Returns the schemas this instance generates, for other parts of the client (tools).
	 * @return the schemas
	 */
	public TypeSchemas schemas() {
		return this.schemas;
	}

	/**
	 * Returns the schema sent for an output: the one it was given, or the one of its type.
	 * @param output the output
	 * @return the schema
	 * @throws io.github.openrouter.spring.messages.structured.UnsupportedSchemaTypeException if the
	 * type has no schema in the subset
	 */
	public JsonNode schema(JsonOutput<?> output) {
		JsonNode given = output.schema();
		return (given != null) ? given : this.schemas.schema(output.type());
	}

	/**
	 * Returns the request with the output's schema as {@code output_config.format}; the effort
	 * and task budget of the request are kept.
	 * @param request the request
	 * @param output the output
	 * @return the request to send
	 */
	public MessageRequest prepare(MessageRequest request, JsonOutput<?> output) {
		OutputFormat format = OutputFormat.jsonSchema(schema(output));
		OutputConfig config = request.outputConfig();
		OutputConfig prepared = (config != null) ? new OutputConfig(config.effort(), format, config.taskBudget())
				: new OutputConfig(null, format, null);
		return request.toBuilder().outputConfig(prepared).build();
	}

	/**
	 * Sends a request for a typed answer, retrying as the output allows.
	 * @param <T> the type of the answer
	 * @param client the client that sends each attempt
	 * @param request the request
	 * @param output the output
	 * @param options per-call options, the same for every attempt
	 * @return the answer, or a {@link StructuredOutputException}
	 */
	public <T> Mono<StructuredResponse<T>> create(ReactiveMessagesClient client, MessageRequest request,
			JsonOutput<T> output, RequestOptions options) {
		return Mono.defer(() -> attempt(client, prepare(request, output), output, options, List.of()));
	}

	private <T> Mono<StructuredResponse<T>> attempt(ReactiveMessagesClient client, MessageRequest request,
			JsonOutput<T> output, RequestOptions options, List<MessageResponse> previous) {
		return client.create(request, options).flatMap((response) -> {
			List<MessageResponse> attempts = new ArrayList<>(previous);
			attempts.add(response);
			try {
				return Mono.just(read(response, output, attempts));
			}
			catch (OutputParseException | OutputValidationException ex) {
				if (attempts.size() >= output.maxAttempts()) {
					return Mono.error(ex);
				}
				return attempt(client, correction(request, response, ex), output, options, attempts);
			}
		});
	}

	/**
	 * Returns the next request of a corrective retry: the failed answer, then the error.
	 */
	private static MessageRequest correction(MessageRequest request, MessageResponse answer,
			StructuredOutputException error) {
		String details = (error instanceof OutputValidationException invalid) ? String.join("\n", invalid.errors())
				: error.getMessage();
		return request.toBuilder()
			.addAssistantMessage(answer)
			.addUserMessage("Your answer could not be used: " + details + "\nReply again with only the JSON value, "
					+ "matching the required schema.")
			.build();
	}

	/**
	 * Streams a request for a typed answer, handing each event over as it arrives.
	 * @param <T> the type of the answer
	 * @param client the client
	 * @param request the request
	 * @param output the output; one attempt only
	 * @param options per-call options
	 * @param onEvent receives every event in arrival order
	 * @return the answer parsed from the final message
	 */
	public <T> Mono<StructuredResponse<T>> stream(ReactiveMessagesClient client, MessageRequest request,
			JsonOutput<T> output, RequestOptions options, Consumer<? super StreamEvent> onEvent) {
		return Mono.defer(() -> {
			MessageRequest prepared = prepare(request, checkSingleAttempt(output));
			return MessageAccumulator.accumulate(client.stream(prepared, options).doOnNext(onEvent))
				.map((message) -> read(message, output, List.of(message)));
		});
	}

	/**
	 * Starts a blocking stream of a request for a typed answer.
	 * @param <T> the type of the answer
	 * @param client the client
	 * @param request the request
	 * @param output the output; one attempt only
	 * @param options per-call options
	 * @return the open stream
	 */
	public <T> StructuredStream<T> stream(MessagesClient client, MessageRequest request, JsonOutput<T> output,
			RequestOptions options) {
		MessageRequest prepared = prepare(request, checkSingleAttempt(output));
		return new DefaultStructuredStream<>(client.stream(prepared, options),
				(message) -> read(message, output, List.of(message)));
	}

	private static <T> JsonOutput<T> checkSingleAttempt(JsonOutput<T> output) {
		if (output.maxAttempts() > 1) {
			throw new IllegalArgumentException("A stream makes one attempt; use create for a corrective retry ("
					+ output + ")");
		}
		return output;
	}

	/**
	 * Reads the typed answer of a message.
	 * @param <T> the type of the answer
	 * @param response the message
	 * @param output the output
	 * @param attempts every message of the call so far, the last being {@code response}
	 * @return the answer
	 * @throws StructuredOutputException if the message gives no typed value
	 */
	public <T> StructuredResponse<T> read(MessageResponse response, JsonOutput<T> output,
			List<MessageResponse> attempts) {
		StopReason stopReason = response.stopReason();
		if (StopReason.REFUSAL.equals(stopReason)) {
			throw new OutputRefusedException("The model refused to answer" + refusalDetails(response), response,
					attempts);
		}
		if (StopReason.MAX_TOKENS.equals(stopReason) || StopReason.MODEL_CONTEXT_WINDOW_EXCEEDED.equals(stopReason)) {
			throw new OutputTruncatedException("The answer was cut off (stop_reason " + stopReason.value()
					+ ") before its JSON was complete", response, attempts);
		}
		JsonNode tree;
		try {
			tree = this.mapper.readTree(response.text());
		}
		catch (JacksonException ex) {
			throw new OutputParseException("The answer is not JSON: " + ex.getOriginalMessage(), response, attempts,
					ex);
		}
		if (tree == null || tree.isMissingNode() || tree.isNull()) {
			throw new OutputParseException("The answer has no JSON value", response, attempts,
					new IllegalArgumentException("empty answer"));
		}
		if (output.validation()) {
			List<String> errors = validator(schema(output)).validate(tree);
			if (!errors.isEmpty()) {
				throw new OutputValidationException("The answer breaks the schema: " + String.join("; ", errors),
						errors, response, attempts);
			}
		}
		T value;
		try {
			value = this.mapper.treeToValue(tree, this.mapper.constructType(output.type()));
		}
		catch (JacksonException ex) {
			throw new OutputParseException("The answer's JSON does not fit " + output.type().getTypeName() + ": "
					+ ex.getOriginalMessage(), response, attempts, ex);
		}
		return new StructuredResponse<>(value, response, attempts);
	}

	private static String refusalDetails(MessageResponse response) {
		if (response.stopDetails() == null) {
			return "";
		}
		StringBuilder details = new StringBuilder();
		if (response.stopDetails().category() != null) {
			details.append(" (category ").append(response.stopDetails().category().value()).append(')');
		}
		if (response.stopDetails().explanation() != null) {
			details.append(": ").append(response.stopDetails().explanation());
		}
		return details.toString();
	}

	private AnswerValidator validator(JsonNode schema) {
		AnswerValidator validator = this.validators.get(schema);
		if (validator == null) {
			validator = AnswerValidator.of(schema);
			if (this.validators.size() < MAX_CACHED_VALIDATORS) {
				this.validators.putIfAbsent(schema, validator);
			}
		}
		return validator;
	}

	@Override
	public String toString() {
		return "StructuredCalls[validators=" + this.validators.size() + "]";
	}

	/**
	 * Holds the default instance, built on first use.
	 */
	private static final class Defaults {

		static final StructuredCalls INSTANCE = new StructuredCalls(JsonMapper.builder().build());

	}

}
