package io.github.openrouter.spring.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link ClientHttpConnector} without a network, for measuring the client's own work through its
 * public API ({@code MessagesClientBuilder.clientConnector}): it reads and drops each request's body,
 * then answers 200 with one fixed body, handed over in the given chunks.
 *
 * @since 0.1.0
 */
final class InMemoryConnector implements ClientHttpConnector {

	private static final int CHUNK = 8 * 1024;

	private final MediaType contentType;

	private final List<byte[]> chunks;

	private final int length;

	private InMemoryConnector(MediaType contentType, List<byte[]> chunks) {
		this.contentType = contentType;
		this.chunks = chunks;
		this.length = chunks.stream().mapToInt((chunk) -> chunk.length).sum();
	}

	/**
	 * Returns a connector that answers with one JSON body in one chunk.
	 * @param body the body
	 * @return the connector
	 */
	static InMemoryConnector json(byte[] body) {
		return new InMemoryConnector(MediaType.APPLICATION_JSON, List.of(body));
	}

	/**
	 * Returns a connector that answers with a server-sent event body cut into 8 KiB chunks, as a
	 * socket would deliver it.
	 * @param body the body
	 * @return the connector
	 */
	static InMemoryConnector eventStream(byte[] body) {
		return new InMemoryConnector(MediaType.TEXT_EVENT_STREAM, chunks(body));
	}

	/**
	 * Cuts a body into 8 KiB chunks.
	 * @param body the body
	 * @return the chunks
	 */
	static List<byte[]> chunks(byte[] body) {
		List<byte[]> chunks = new ArrayList<>();
		for (int offset = 0; offset < body.length; offset += CHUNK) {
			int length = Math.min(CHUNK, body.length - offset);
			byte[] chunk = new byte[length];
			System.arraycopy(body, offset, chunk, 0, length);
			chunks.add(chunk);
		}
		return chunks;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return requestCallback.apply(new DiscardingRequest(method, uri)).then(Mono.fromSupplier(Response::new));
	}

	/**
	 * The answer: 200 with the connector's body.
	 */
	private final class Response implements ClientHttpResponse {

		private final HttpHeaders headers = new HttpHeaders();

		Response() {
			this.headers.setContentType(InMemoryConnector.this.contentType);
			this.headers.setContentLength(InMemoryConnector.this.length);
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public MultiValueMap<String, ResponseCookie> getCookies() {
			return new LinkedMultiValueMap<>();
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.fromIterable(InMemoryConnector.this.chunks).map(DefaultDataBufferFactory.sharedInstance::wrap);
		}

	}

	/**
	 * A request whose body is read and dropped.
	 */
	private static final class DiscardingRequest extends AbstractClientHttpRequest {

		private final HttpMethod method;

		private final URI uri;

		DiscardingRequest(HttpMethod method, URI uri) {
			this.method = method;
			this.uri = uri;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public DataBufferFactory bufferFactory() {
			return DefaultDataBufferFactory.sharedInstance;
		}

		@Override
		public <T> T getNativeRequest() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return doCommit(() -> Flux.from(body).then());
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).flatMap(Flux::from));
		}

		@Override
		public Mono<Void> setComplete() {
			return doCommit();
		}

		@Override
		protected void applyHeaders() {
		}

		@Override
		protected void applyCookies() {
		}

	}

}
