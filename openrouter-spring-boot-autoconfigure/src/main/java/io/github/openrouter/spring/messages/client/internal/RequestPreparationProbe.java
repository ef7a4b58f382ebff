package io.github.openrouter.spring.messages.client.internal;

import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.model.MessageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's per-call request preparation on its own, without a network, so that tests in other
 * packages can check the body it writes.
 *
 * @since 0.1.0
 */
public final class RequestPreparationProbe {

	private final RequestPreparer preparer;

	/**
	 * Creates a probe that prepares calls as a client with these settings does.
	 * @param settings the client settings
	 */
	public RequestPreparationProbe(ClientSettings settings) {
		this.preparer = new RequestPreparer(settings, JsonMapper.builder().build());
	}

	/**
	 * Prepares one call exactly as {@code create} or {@code stream} do before any I/O: client defaults,
	 * validation, body bytes and headers.
	 * @param request the request
	 * @param options the per-call options
	 * @param streaming whether the call streams
	 * @return the prepared call (opaque; its {@code toString} is not meaningful)
	 * @throws io.github.openrouter.spring.messages.error.RequestValidationException for a broken limit
	 */
	public Object prepare(MessageRequest request, RequestOptions options, boolean streaming) {
		return this.preparer.prepare(request, options, streaming);
	}

	/**
	 * Returns the JSON body one call would send.
	 * @param request the request
	 * @param options the per-call options
	 * @param streaming whether the call streams
	 * @return the body bytes
	 * @throws io.github.openrouter.spring.messages.error.RequestValidationException for a broken limit
	 */
	public byte[] body(MessageRequest request, RequestOptions options, boolean streaming) {
		return this.preparer.prepare(request, options, streaming).body();
	}

}
