package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.openrouter.spring.messages.ClientTimeouts;
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

	/** Headers a call cannot set: the client sets them (or the connector does, from the body). */
	private static final List<String> RESERVED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.HOST,
			HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONNECTION,
			HttpHeaders.CONTENT_TYPE);

	private final ObjectWriter writer;

	private final @Nullable String defaultModel;

	private final List<String> fallbackModels;

	private final @Nullable ProviderPreferences providerPreferences;

	private final HttpHeaders createHeaders;

	private final HttpHeaders streamHeaders;

	private final HttpHeaders completeCreateHeaders;

	private final HttpHeaders completeStreamHeaders;

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
		checkClientHeaders(settings);
		this.createHeaders = staticHeaders(settings, MediaType.APPLICATION_JSON);
		this.streamHeaders = staticHeaders(settings, MediaType.TEXT_EVENT_STREAM);
		this.routingMetadata = settings.routingMetadata();
		this.authorization = "Bearer " + settings.apiKey();
		this.defaultBudget = settings.timeouts().total();
		this.completeCreateHeaders = HttpHeaders.readOnlyHttpHeaders(headers(RequestOptions.none(), false));
		this.completeStreamHeaders = HttpHeaders.readOnlyHttpHeaders(headers(RequestOptions.none(), true));
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
		return new Prepared(body, headers, budget(callOptions), toSend.maxTokens());
	}

	/**
	 * Returns the headers of a call without a body (a GET of the account API): the client's
	 * headers, {@code Content-Type} left out.
	 * @return the headers (read-only)
	 */
	HttpHeaders headersWithoutBody() {
		HttpHeaders headers = HttpHeaders.copyOf(this.completeCreateHeaders);
		headers.remove(HttpHeaders.CONTENT_TYPE);
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * Returns the total time budget of a call: the option, else the client's, cut to
	 * {@link ClientTimeouts#LONGEST}.
	 */
	private Duration budget(RequestOptions options) {
		Duration timeout = options.timeout();
		if (timeout == null) {
			return this.defaultBudget;
		}
		try {
			return ClientTimeouts.limit("timeout", timeout);
		}
		catch (IllegalArgumentException ex) {
			throw new RequestValidationException("timeout", "positive",
					"the timeout option must be positive but was " + timeout);
		}
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
			checkHeader(SESSION_ID_HEADER, options.sessionId());
			headers.set(SESSION_ID_HEADER, options.sessionId());
		}
		for (Map.Entry<String, String> header : options.headers().entrySet()) {
			checkHeader(header.getKey(), header.getValue());
			headers.set(header.getKey(), header.getValue());
		}
		headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
		return headers;
	}

	/**
	 * Refuses a per-call header that the client sets itself or that could split the request: a
	 * reserved name, or a name or value with a control character (a name must be an HTTP token).
	 */
	private static void checkHeader(String name, String value) {
		for (String reserved : RESERVED_HEADERS) {
			if (reserved.equalsIgnoreCase(name)) {
				boolean key = reserved.equals(HttpHeaders.AUTHORIZATION);
				throw new RequestValidationException("headers." + reserved,
						key ? "set only from the client's API key" : "set only by the client",
						"headers." + reserved + " cannot be set per call: "
								+ (key ? "it is set only from the client's API key" : "the client sets it itself"));
			}
		}
		checkSyntax(name, value);
	}

	/**
	 * Refuses a header name that is not an HTTP token, or a value with a control character: either
	 * could split the request.
	 */
	private static void checkSyntax(String name, String value) {
		String field = "headers." + sanitize(name);
		if (name.isEmpty() || !name.chars().allMatch(RequestPreparer::isTokenChar)) {
			throw new RequestValidationException(field, "HTTP token",
					"a header name must be a non-empty HTTP token (no spaces, separators or control characters)");
		}
		if (value.chars().anyMatch((c) -> (c < 0x20 && c != '\t') || c == 0x7f)) {
			throw new RequestValidationException(field, "no control characters",
					field + " has a control character (such as CR or LF) in its value");
		}
	}

	/**
	 * Refuses, when the client is built, a default or app-attribution header whose name is not an
	 * HTTP token or whose value has a control character, so that a bad setting fails at startup
	 * instead of on every call. (A default header may replace one the client sets, such as
	 * {@code Content-Type}; only {@code Authorization} is refused, by the builder.)
	 */
	private static void checkClientHeaders(ClientSettings settings) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (settings.appReferer() != null) {
			headers.put("HTTP-Referer", settings.appReferer());
		}
		if (settings.appTitle() != null) {
			headers.put("X-OpenRouter-Title", settings.appTitle());
		}
		settings.appCategories().forEach((category) -> headers.put("X-OpenRouter-Categories", category));
		headers.putAll(settings.defaultHeaders());
		headers.forEach((name, value) -> {
			try {
				checkSyntax(name, value);
			}
			catch (RequestValidationException ex) {
				throw new IllegalArgumentException(
						"Invalid client header " + ex.field().substring("headers.".length()) + ": " + ex.limit(), ex);
			}
		});
	}

	private static boolean isTokenChar(int c) {
		return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
	}

	/** Returns a header name fit for an exception message: control characters replaced. */
	private static String sanitize(String name) {
		StringBuilder result = new StringBuilder(Math.min(name.length(), 64));
		name.chars().limit(64).forEach((c) -> result.append((c < 0x20 || c == 0x7f) ? '?' : (char) c));
		return result.toString();
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
	 * @param budget the total time budget, at most {@link ClientTimeouts#LONGEST}
	 * @param maxTokens the request's {@code max_tokens}, or {@code null}
	 */
	record Prepared(byte[] body, HttpHeaders headers, Duration budget, @Nullable Integer maxTokens) {

	}

}
