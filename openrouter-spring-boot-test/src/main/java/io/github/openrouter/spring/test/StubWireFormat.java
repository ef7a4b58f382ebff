package io.github.openrouter.spring.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStopEvent;
import io.github.openrouter.spring.messages.model.stream.Delta;
import io.github.openrouter.spring.messages.model.stream.InputJsonDelta;
import io.github.openrouter.spring.messages.model.stream.MessageDelta;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.PingEvent;
import io.github.openrouter.spring.messages.model.stream.SignatureDelta;
import io.github.openrouter.spring.messages.model.stream.StreamError;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.model.stream.ThinkingDelta;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the model types the way OpenRouter does: JSON bodies, the event sequence of a streamed
 * message, SSE frames and the error envelope of {@code /messages}. The stub's only writer of the
 * wire format.
 */
final class StubWireFormat {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	static final String DONE_FRAME = "event: data\ndata: [DONE]\n\n";

	private static final int WORDS_PER_DELTA = 3;

	private StubWireFormat() {
	}

	static String json(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	static String frame(StubStream.Frame frame) {
		if (frame instanceof StubStream.Comment comment) {
			return ": " + comment.text() + "\n\n";
		}
		if (frame instanceof StubStream.Event event) {
			return "event: " + event.event().type() + "\ndata: " + json(event.event()) + "\n\n";
		}
		if (frame instanceof StubStream.Done) {
			return DONE_FRAME;
		}
		throw new IllegalArgumentException("Not a written frame: " + frame);
	}

	/**
	 * Returns the events of a streamed message, as {@link StubStream#eventsOf} describes.
	 */
	static List<StreamEvent> events(MessageResponse message) {
		List<StreamEvent> events = new ArrayList<>();
		Usage usage = message.usage();
		MessageResponse start = message.toBuilder()
			.content(List.of())
			.stopReason(null)
			.stopSequence(null)
			.stopDetails(null)
			.usage((usage != null) ? startUsage(usage) : null)
			.openrouterMetadata(null)
			.build();
		events.add(new MessageStartEvent(MessageStartEvent.TYPE, start));
		events.add(new PingEvent(PingEvent.TYPE));
		for (int index = 0; index < message.content().size(); index++) {
			addBlockEvents(events, index, message.content().get(index));
		}
		events.add(new MessageDeltaEvent(MessageDeltaEvent.TYPE, new MessageDelta(message.stopReason(),
				message.stopSequence(), message.stopDetails(), message.container()), usage));
		events.add(new MessageStopEvent(MessageStopEvent.TYPE, message.openrouterMetadata()));
		return events;
	}

	private static Usage startUsage(Usage usage) {
		Integer output = (usage.outputTokens() != null) ? Math.min(1, usage.outputTokens()) : null;
		return new Usage(usage.inputTokens(), output, usage.cacheCreationInputTokens(), usage.cacheReadInputTokens(),
				usage.cacheCreation(), null, null, usage.serviceTier(), usage.inferenceGeo(), usage.speed(), null, null,
				null, null);
	}

	private static void addBlockEvents(List<StreamEvent> events, int index, ContentBlock block) {
		ContentBlock initial = block;
		List<Delta> deltas = new ArrayList<>();
		if (block instanceof TextBlock text) {
			initial = new TextBlock(TextBlock.TYPE, "", text.cacheControl(), null);
			for (String chunk : chunks(text.text())) {
				deltas.add(new TextDelta(TextDelta.TYPE, chunk));
			}
		}
		else if (block instanceof ThinkingBlock thinking) {
			initial = new ThinkingBlock(ThinkingBlock.TYPE, "", "");
			for (String chunk : chunks(thinking.thinking())) {
				deltas.add(new ThinkingDelta(ThinkingDelta.TYPE, chunk));
			}
			deltas.add(new SignatureDelta(SignatureDelta.TYPE, thinking.signature()));
		}
		else if (block instanceof ToolUseBlock toolUse) {
			initial = new ToolUseBlock(ToolUseBlock.TYPE, toolUse.id(), toolUse.name(), MAPPER.createObjectNode(),
					toolUse.cacheControl(), toolUse.caller());
			String input = (toolUse.input() != null) ? json(toolUse.input()) : "{}";
			int middle = input.length() / 2;
			deltas.add(new InputJsonDelta(InputJsonDelta.TYPE, ""));
			deltas.add(new InputJsonDelta(InputJsonDelta.TYPE, input.substring(0, middle)));
			deltas.add(new InputJsonDelta(InputJsonDelta.TYPE, input.substring(middle)));
		}
		events.add(new ContentBlockStartEvent(ContentBlockStartEvent.TYPE, index, initial));
		for (Delta delta : deltas) {
			events.add(new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, index, delta));
		}
		events.add(new ContentBlockStopEvent(ContentBlockStopEvent.TYPE, index));
	}

	/**
	 * Splits a text into chunks of a few words each; concatenated, they give the text back.
	 */
	static List<String> chunks(String text) {
		List<String> chunks = new ArrayList<>();
		int start = 0;
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				if (words == WORDS_PER_DELTA) {
					chunks.add(text.substring(start, i));
					start = i;
					words = 0;
				}
				words++;
			}
			inWord = !space;
		}
		if (start < text.length()) {
			chunks.add(text.substring(start));
		}
		return chunks;
	}

	/**
	 * Fills in what a scripted message leaves out, as OpenRouter would: id, model, provider,
	 * stop reason and usage (estimated from the length of the texts).
	 */
	static MessageResponse complete(MessageResponse message, MessageRequest request, long number) {
		MessageResponse.Builder builder = message.toBuilder();
		if (message.id() == null) {
			builder.id(String.format(Locale.ROOT, "msg_stub_%06d", number));
		}
		if (message.model() == null) {
			builder.model(model(request));
		}
		if (message.provider() == null) {
			builder.provider(OpenRouterStub.DEFAULT_PROVIDER);
		}
		if (message.stopReason() == null) {
			boolean toolUse = message.content().stream().anyMatch(ToolUseBlock.class::isInstance);
			builder.stopReason(toolUse ? StopReason.TOOL_USE : StopReason.END_TURN);
		}
		if (message.usage() == null) {
			builder.usage(Usage.of(inputTokens(request), outputTokens(message)));
		}
		return builder.build();
	}

	private static String model(MessageRequest request) {
		if (request.model() != null) {
			return request.model();
		}
		List<String> models = request.models();
		return (models != null && !models.isEmpty()) ? models.get(0) : OpenRouterStub.DEFAULT_MODEL;
	}

	private static int inputTokens(MessageRequest request) {
		int tokens = (request.system() != null) ? tokens(request.system().asText()) : 0;
		for (MessageParam message : request.messages()) {
			tokens += tokens(message.content().asText());
		}
		return tokens;
	}

	private static int outputTokens(MessageResponse message) {
		int tokens = 0;
		for (ContentBlock block : message.content()) {
			if (block instanceof TextBlock text) {
				tokens += tokens(text.text());
			}
			else if (block instanceof ThinkingBlock thinking) {
				tokens += tokens(thinking.thinking());
			}
			else if (block instanceof ToolUseBlock toolUse) {
				tokens += tokens(toolUse.name()) + ((toolUse.input() != null) ? tokens(json(toolUse.input())) : 0);
			}
		}
		return tokens;
	}

	/**
	 * Estimates the tokens of a text as the usual rule of thumb does: one per four characters,
	 * rounded up.
	 */
	static int tokens(String text) {
		return (text.length() + 3) / 4;
	}

	/**
	 * Returns the error of a status as OpenRouter's {@code /messages} envelope reports it:
	 * Anthropic's {@code type} and OpenRouter's stable {@code error_type}.
	 */
	static StreamError error(int status, String message) {
		return switch (status) {
			case 400 -> new StreamError("invalid_request_error", message, "invalid_request");
			case 401 -> new StreamError("authentication_error", message, "authentication");
			case 402 -> new StreamError("billing_error", message, "payment_required");
			case 403 -> new StreamError("permission_error", message, "permission_denied");
			case 404 -> new StreamError("not_found_error", message, "not_found");
			case 408, 504 -> new StreamError("timeout_error", message, "timeout");
			case 413 -> new StreamError("invalid_request_error", message, "payload_too_large");
			case 422 -> new StreamError("invalid_request_error", message, "unprocessable");
			case 429 -> new StreamError("rate_limit_error", message, "rate_limit_exceeded");
			case 502 -> new StreamError("api_error", message, "provider_unavailable");
			case 503, 529 -> new StreamError("overloaded_error", message, "provider_overloaded");
			default -> (status >= 500) ? new StreamError("api_error", message, "server")
					: new StreamError("invalid_request_error", message, "invalid_request");
		};
	}

	/**
	 * The error body of {@code /messages}: Anthropic's envelope with OpenRouter's additions.
	 *
	 * @param type always {@code error}
	 * @param error the error
	 * @param requestId the request id, {@code null} for errors raised before routing
	 * @param openrouterMetadata the routing metadata, sent only when the caller opted in
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ErrorEnvelope(@JsonProperty("type") String type, @JsonProperty("error") StreamError error,
			@JsonProperty("request_id") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String requestId,
			@JsonProperty("openrouter_metadata") @Nullable OpenRouterMetadata openrouterMetadata) {

		ErrorEnvelope(StreamError error, @Nullable OpenRouterMetadata openrouterMetadata) {
			this("error", error, null, openrouterMetadata);
		}

	}

	/**
	 * OpenRouter's generic error body, used by errors raised at its edge.
	 *
	 * @param error the error: its code (the HTTP status) and message
	 */
	record GenericErrorEnvelope(@JsonProperty("error") GenericError error) {

		GenericErrorEnvelope(int code, String message) {
			this(new GenericError(code, message));
		}

	}

	/**
	 * The error of OpenRouter's generic envelope.
	 *
	 * @param code the HTTP status
	 * @param message the message
	 */
	record GenericError(@JsonProperty("code") int code, @JsonProperty("message") String message) {

	}

	static JsonNode tree(Object value) {
		return MAPPER.valueToTree(value);
	}


	/**
	 * Returns the {@code data} of {@code GET /api/v1/generation} for a message the stub answered:
	 * its model, provider, tokens, cost and stop reason, with one successful provider attempt.
	 * @param message the answered message, with its generation id
	 * @return the generation's JSON
	 */
	static ObjectNode generation(MessageResponse message) {
		Usage usage = message.usage();
		ObjectNode data = MAPPER.createObjectNode()
			.put("id", message.generationId())
			.put("upstream_id", message.id())
			.put("created_at", "2026-01-01T00:00:00Z")
			.put("model", message.model())
			.put("provider_name", message.provider())
			.put("total_cost", (usage != null && usage.cost() != null) ? usage.cost() : BigDecimal.ZERO)
			.put("usage", (usage != null && usage.cost() != null) ? usage.cost() : BigDecimal.ZERO)
			.put("is_byok", false)
			.put("finish_reason", (message.stopReason() != null) ? message.stopReason().value() : null)
			.put("origin", "")
			.put("data_region", "global");
		if (usage != null) {
			data.put("tokens_prompt", usage.totalInputTokens())
				.put("tokens_completion", usage.outputTokens())
				.put("native_tokens_prompt", usage.totalInputTokens())
				.put("native_tokens_completion", usage.outputTokens())
				.put("native_tokens_cached", usage.cacheReadInputTokens());
		}
		data.putArray("provider_responses")
			.addObject()
			.put("provider_name", message.provider())
			.put("model_permaslug", message.model())
			.put("status", 200);
		return data;
	}

}
