package io.github.openrouter.spring.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reference point between the floor and the starter: a plain Spring {@link WebClient} over the same
 * Reactor Netty pool, the same POST, the answer read as bytes and parsed into a tree. It shows what
 * WebClient itself costs over raw Reactor Netty; {@code connector} calls the same
 * {@link ReactorClientHttpConnector} directly, without WebClient's layers. Neither streams ({@code -Dbench.clients=webclient}
 * is for the create scenario).
 *
 * @since 0.1.0
 */
public final class WebClientClient implements BenchClient {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ConnectionProvider connections;

	private final WebClient webClient;

	private final ReactorClientHttpConnector connector;

	private final URI uri;

	private final boolean connectorOnly;

	/**
	 * Creates a WebClient reference client for the fake server.
	 * @param port the fake server's port
	 * @param maxConnections the size of the connection pool
	 */
	public WebClientClient(int port, int maxConnections, boolean connectorOnly) {
		this.connectorOnly = connectorOnly;
		this.uri = URI.create("http://127.0.0.1:" + port + "/api/v1/messages");
		this.connections = ConnectionProvider.builder("webclient")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofMinutes(2))
			.build();
		this.connector = new ReactorClientHttpConnector(HttpClient.create(this.connections));
		this.webClient = WebClient.builder()
			.clientConnector(this.connector)
			.baseUrl("http://127.0.0.1:" + port + "/api/v1/messages")
			.build();
	}

	@Override
	public String name() {
		return this.connectorOnly ? "connector" : "webclient";
	}

	@Override
	public long createMany(int total, int concurrency) {
		return ReactiveCalls.run(total, concurrency, this::create);
	}

	private Mono<Integer> create() {
		if (this.connectorOnly) {
			return Mono.defer(() -> {
				byte[] body = this.mapper.writeValueAsBytes(Requests.floorRequest(false));
				return this.connector.connect(HttpMethod.POST, this.uri, (request) -> {
					HttpHeaders headers = request.getHeaders();
					headers.setBearerAuth("sk-or-bench");
					headers.setContentType(MediaType.APPLICATION_JSON);
					headers.setAccept(List.of(MediaType.APPLICATION_JSON));
					return request.writeWith(Mono.just(request.bufferFactory().wrap(body)));
				}).flatMap((response) -> DataBufferUtils.join(response.getBody())).map((buffer) -> {
					try {
						JsonNode message = this.mapper.readTree(buffer.asInputStream());
						return Requests.checkMessageText(message.get("content").get(0).get("text").stringValue())
							.length();
					}
					finally {
						DataBufferUtils.release(buffer);
					}
				});
			});
		}
		return Mono.defer(() -> this.webClient.post()
			.headers((headers) -> {
				headers.setBearerAuth("sk-or-bench");
				headers.setContentType(MediaType.APPLICATION_JSON);
			})
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(this.mapper.writeValueAsBytes(Requests.floorRequest(false)))
			.retrieve()
			.bodyToMono(byte[].class)
			.map((bytes) -> {
				JsonNode message = this.mapper.readTree(bytes);
				return Requests.checkMessageText(message.get("content").get(0).get("text").stringValue()).length();
			}));
	}

	@Override
	public StreamCall streamCall(StreamShape shape) {
		throw new UnsupportedOperationException("The webclient reference client is for the create scenario only");
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(30));
	}

}
