package io.github.openrouter.spring.messages.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link MessageRequest} and its {@link RequestOptions} into the body bytes and headers of
 * one call, in one pass: client defaults are applied to the record itself (copied only when one
 * applies), the record is validated as is, and written once with a writer built up front. The
 * headers that never change are built once per mode and copied per call.
 */
final class RequestPreparer {

	private static final String SESSION_ID_HEADER = "x-session-id";

	private final ObjectWriter writer;

	private final @Nullable String defaultModel;

	private final List<String> fallbackModels;

	private final @Nullable ProviderPreferences providerPreferences;

	private final HttpHeaders createHeaders;

	private final HttpHeaders streamHeaders;

	private final HttpHeaders completeCreateHeaders;

	private final HttpHeaders completeStreamHeaders;

	private final String[] completeCreateLines;

	private final String[] completeStreamLines;

	private final Map<String, String> defaultHeaders;

	private final boolean routingMetadata;

	private final String authorization;

	private final Duration defaultBudget;

	/**
	 * Creates a preparer for a client's settings.
	 * @param settings the client settings
	 * @param mapper the client's mapper
	 */
	RequestPreparer(ClientSettings settings, JsonMapper mapper) {
		this.writer = mapper.writerFor(MessageRequest.class);
		String model = settings.defaultModel();
		this.defaultModel = (model != null && !model.isBlank()) ? model : null;
		this.fallbackModels = List.copyOf(settings.fallbackModels());
		this.providerPreferences = settings.providerPreferences();
		this.defaultHeaders = settings.defaultHeaders();
		this.createHeaders = staticHeaders(settings, MediaType.APPLICATION_JSON);
		this.streamHeaders = staticHeaders(settings, MediaType.TEXT_EVENT_STREAM);
		this.routingMetadata = settings.routingMetadata();
		this.authorization = "Bearer " + settings.apiKey();
		this.defaultBudget = settings.timeouts().total();
		this.completeCreateHeaders = HttpHeaders.readOnlyHttpHeaders(headers(RequestOptions.none(), false));
		this.completeStreamHeaders = HttpHeaders.readOnlyHttpHeaders(headers(RequestOptions.none(), true));
		this.completeCreateLines = lines(this.completeCreateHeaders);
		this.completeStreamLines = lines(this.completeStreamHeaders);
	}

	/**
	 * Prepares one call.
	 * @param request the request
	 * @param options the per-call options, or {@code null} for none
	 * @param streaming whether the call streams
	 * @return the body, headers and total time budget
	 * @throws RequestValidationException for the first broken limit
	 */
	Prepared prepare(@Nullable MessageRequest request, @Nullable RequestOptions options, boolean streaming) {
		if (request == null) {
			throw new RequestValidationException("request", "required", "request is required");
		}
		RequestOptions callOptions = (options != null) ? options : RequestOptions.none();
		MessageRequest toSend = withDefaults(request, streaming);
		// written before validating, as the tree used to be made first: a value that cannot be
		// serialized fails the same way as before, whatever else is wrong
		byte[] body = this.writer.writeValueAsBytes(toSend);
		RequestValidator.validate(toSend, callOptions);
		// the headers shared by calls that set none of their own, else a fresh copy with the call's values
		boolean shared = callOptions.headers().isEmpty() && callOptions.sessionId() == null
				&& callOptions.routingMetadata() == null;
		HttpHeaders headers = shared ? (streaming ? this.completeStreamHeaders : this.completeCreateHeaders)
				: headers(callOptions, streaming);
		Duration budget = (callOptions.timeout() != null) ? callOptions.timeout() : this.defaultBudget;
		if (budget.isNegative() || budget.isZero()) {
			throw new RequestValidationException("timeout", "positive",
					"the timeout option must be positive but was " + budget);
		}
		String[] lines = shared ? sharedHeaderLines(streaming) : lines(headers);
		return new Prepared(body, headers, lines, budget);
	}

	/**
	 * Returns the headers as alternating names and values, in order, a name repeated for each of
	 * its values: the form the Reactor Netty exchange copies without Spring's case-insensitive views.
	 */
	private static String[] lines(HttpHeaders headers) {
		List<String> lines = new ArrayList<>();
		headers.forEach((name, values) -> {
			for (String value : values) {
				lines.add(name);
				lines.add(value);
			}
		});
		return lines.toArray(new String[0]);
	}

	/**
	 * Returns the header lines of the calls that set no header, session id or metadata option of
	 * their own: the very array such calls are prepared with.
	 * @param streaming whether for streams or for creates
	 * @return the shared lines (never modified)
	 */
	String[] sharedHeaderLines(boolean streaming) {
		return streaming ? this.completeStreamLines : this.completeCreateLines;
	}

	/**
	 * Returns the request as it is sent: {@code model}, {@code models} (only when the request has
	 * neither {@code models} nor {@code fallbacks}) and {@code provider} filled from the client
	 * defaults where the request has none, {@code stream} true for streams and left out otherwise.
	 * The request itself is returned when nothing changes.
	 * <p>
	 * {@code extraBody} cannot hold any of these fields (the model refuses them), so it can neither
	 * hide a default nor override a validated value.
	 */
	MessageRequest withDefaults(MessageRequest request, boolean streaming) {
		boolean model = this.defaultModel != null && request.model() == null;
		boolean models = !this.fallbackModels.isEmpty() && request.models() == null && request.fallbacks() == null;
		boolean provider = this.providerPreferences != null && request.provider() == null;
		Boolean stream = streaming ? Boolean.TRUE : null;
		boolean restream = (stream != null) ? !stream.equals(request.stream()) : request.stream() != null;
		if (!model && !models && !provider && !restream) {
			return request;
		}
		// the canonical constructor rather than toBuilder(): it keeps the (immutable) lists as they are
		MessageRequest r = request;
		return new MessageRequest(model ? this.defaultModel : r.model(), r.messages(), r.maxTokens(), r.system(),
				stream, r.temperature(), r.topP(), r.topK(), r.stopSequences(), r.metadata(), r.tools(),
				r.toolChoice(), r.thinking(), r.outputConfig(), r.cacheControl(), r.contextManagement(),
				r.serviceTier(), r.speed(), models ? this.fallbackModels : r.models(), r.fallbacks(),
				provider ? this.providerPreferences : r.provider(), r.plugins(), r.route(), r.sessionId(), r.user(),
				r.trace(), r.stopServerToolsWhen(), r.extraBody());
	}

	private HttpHeaders headers(RequestOptions options, boolean streaming) {
		HttpHeaders headers = HttpHeaders.copyOf(streaming ? this.streamHeaders : this.createHeaders);
		boolean metadata = (options.routingMetadata() != null) ? options.routingMetadata() : this.routingMetadata;
		// a default header of the same name is set after these, so it wins as it always did
		if (metadata && !hasDefaultHeader(DefaultReactiveMessagesClient.METADATA_HEADER)) {
			headers.set(DefaultReactiveMessagesClient.METADATA_HEADER, "enabled");
		}
		if (options.sessionId() != null && !hasDefaultHeader(SESSION_ID_HEADER)) {
			headers.set(SESSION_ID_HEADER, options.sessionId());
		}
		for (Map.Entry<String, String> header : options.headers().entrySet()) {
			if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(header.getKey())) {
				throw new RequestValidationException("headers.Authorization", "set only from the client's API key",
						"headers.Authorization cannot be set per call: it is set only from the client's API key");
			}
			headers.set(header.getKey(), header.getValue());
		}
		headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
		return headers;
	}

	private boolean hasDefaultHeader(String name) {
		if (this.defaultHeaders.isEmpty()) {
			return false;
		}
		for (String key : this.defaultHeaders.keySet()) {
			if (key.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	private static HttpHeaders staticHeaders(ClientSettings settings, MediaType accept) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(accept));
		if (settings.appReferer() != null) {
			headers.set("HTTP-Referer", settings.appReferer());
		}
		if (settings.appTitle() != null) {
			headers.set("X-OpenRouter-Title", settings.appTitle());
		}
		if (!settings.appCategories().isEmpty()) {
			headers.set("X-OpenRouter-Categories", String.join(",", settings.appCategories()));
		}
		settings.defaultHeaders().forEach(headers::set);
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * A validated call ready to send.
	 *
	 * @param body the JSON body
	 * @param headers the headers: read-only and shared by the calls that set no header, session id or
	 * metadata option of their own, else a fresh copy
	 * @param headerLines the same headers as alternating names and values (never modified)
	 * @param budget the total time budget
	 */
	record Prepared(byte[] body, HttpHeaders headers, String[] headerLines, Duration budget) {

	}

}
