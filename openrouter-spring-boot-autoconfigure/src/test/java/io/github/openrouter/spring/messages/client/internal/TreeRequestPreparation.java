package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client's request preparation as it was before {@link RequestPreparer} (a JSON tree per call:
 * {@code valueToTree}, defaults merged into the tree, {@link TreeRequestValidator} on the tree, then the
 * tree written), kept only as the reference the one-pass preparation is checked against.
 */
public final class TreeRequestPreparation {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ClientSettings settings;

	private final @Nullable String model;

	private final List<String> fallbackModels;

	private final @Nullable JsonNode provider;

	/**
	 * Creates the reference preparation for a client's settings.
	 * @param settings the settings
	 */
	public TreeRequestPreparation(ClientSettings settings) {
		this.settings = settings;
		String model = settings.defaultModel();
		this.model = (model != null && !model.isBlank()) ? model : null;
		this.fallbackModels = List.copyOf(settings.fallbackModels());
		this.provider = (settings.providerPreferences() != null)
				? this.mapper.valueToTree(settings.providerPreferences()) : null;
	}

	/**
	 * Returns the body tree, validated, as the old path built it.
	 * @param request the request
	 * @param options the per-call options
	 * @param streaming whether the call streams
	 * @return the tree that was written
	 */
	public ObjectNode tree(MessageRequest request, RequestOptions options, boolean streaming) {
		ObjectNode body = this.mapper.valueToTree(request);
		applyDefaults(body);
		if (streaming) {
			body.put("stream", true);
		}
		else {
			body.remove("stream");
		}
		TreeRequestValidator.validate(body, options);
		return body;
	}

	/**
	 * Returns the body bytes the old path sent, after its checks of the headers and the timeout.
	 * @param request the request
	 * @param options the per-call options
	 * @param streaming whether the call streams
	 * @return the bytes
	 */
	public byte[] body(MessageRequest request, RequestOptions options, boolean streaming) {
		ObjectNode body = tree(request, options, streaming);
		headers(options, streaming);
		byte[] bytes = this.mapper.writeValueAsBytes(body);
		Duration budget = (options.timeout() != null) ? options.timeout() : this.settings.timeouts().total();
		if (budget.isNegative() || budget.isZero()) {
			throw new RequestValidationException("timeout", "positive",
					"the timeout option must be positive but was " + budget);
		}
		return bytes;
	}

	/**
	 * Returns the headers the old path sent.
	 * @param options the per-call options
	 * @param streaming whether the call streams
	 * @return the headers
	 */
	public HttpHeaders headers(RequestOptions options, boolean streaming) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(streaming ? MediaType.TEXT_EVENT_STREAM : MediaType.APPLICATION_JSON));
		if (this.settings.appReferer() != null) {
			headers.set("HTTP-Referer", this.settings.appReferer());
		}
		if (this.settings.appTitle() != null) {
			headers.set("X-OpenRouter-Title", this.settings.appTitle());
		}
		if (!this.settings.appCategories().isEmpty()) {
			headers.set("X-OpenRouter-Categories", String.join(",", this.settings.appCategories()));
		}
		boolean metadata = (options.routingMetadata() != null) ? options.routingMetadata()
				: this.settings.routingMetadata();
		if (metadata) {
			headers.set(DefaultReactiveMessagesClient.METADATA_HEADER, "enabled");
		}
		if (options.sessionId() != null) {
			headers.set("x-session-id", options.sessionId());
		}
		this.settings.defaultHeaders().forEach(headers::set);
		for (Map.Entry<String, String> header : options.headers().entrySet()) {
			if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(header.getKey())) {
				throw new RequestValidationException("headers.Authorization", "set only from the client's API key",
						"headers.Authorization cannot be set per call: it is set only from the client's API key");
			}
			headers.set(header.getKey(), header.getValue());
		}
		headers.setBearerAuth(this.settings.apiKey());
		return headers;
	}

	private void applyDefaults(ObjectNode body) {
		if (this.model != null && isAbsent(body, "model")) {
			body.put("model", this.model);
		}
		if (!this.fallbackModels.isEmpty() && isAbsent(body, "models") && isAbsent(body, "fallbacks")) {
			ArrayNode models = body.putArray("models");
			this.fallbackModels.forEach(models::add);
		}
		if (this.provider != null && isAbsent(body, "provider")) {
			body.set("provider", this.provider.deepCopy());
		}
	}

	private static boolean isAbsent(ObjectNode body, String name) {
		JsonNode value = body.get(name);
		return value == null || value.isNull() || value.isMissingNode();
	}

}
