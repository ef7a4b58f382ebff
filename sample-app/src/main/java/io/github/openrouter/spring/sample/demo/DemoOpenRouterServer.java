package io.github.openrouter.spring.sample.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenRouter-compatible {@code POST /api/v1/messages} stub on loopback, for the sample app's
 * demo mode and for tests.
 *
 * <p>
 * It binds 127.0.0.1 on a free port and accepts only its own random {@code demo-…} key as a
 * bearer token. Non-streaming requests get a {@code MessagesResult} JSON body; requests with
 * {@code "stream": true} get a server-sent event stream shaped like OpenRouter's. Answers come
 * from {@link DemoReplies}; {@code openrouter_metadata} is included only when the caller sends
 * {@code X-OpenRouter-Metadata: enabled}. Every answer is kept in {@link #served()}. It also
 * answers {@code GET /api/v1/key} (a key with a limit of {@link #KEY_LIMIT} USD, used by what the
 * answers cost) and {@code GET /api/v1/generation?id=} for the answers it served.
 *
 * @since 0.1.0
 */
public final class DemoOpenRouterServer implements AutoCloseable {

	/** Path the stub serves, relative to the host. */
	public static final String MESSAGES_PATH = "/api/v1/messages";

	/** Path of the key's info, relative to the host. */
	public static final String KEY_PATH = "/api/v1/key";

	/** Path of a generation's record, relative to the host. */
	public static final String GENERATION_PATH = "/api/v1/generation";

	/** Spending limit of the demo key, in USD; what the served answers cost is taken from it. */
	public static final BigDecimal KEY_LIMIT = new BigDecimal("5");

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final DemoWireFormat wireFormat = new DemoWireFormat(this.mapper);

	private final DemoReplies replies = new DemoReplies();

	private final List<DemoReply> served = new CopyOnWriteArrayList<>();

	private final Map<String, DemoReply> byGeneration = new ConcurrentHashMap<>();

	private final String keyExpiresAt = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).truncatedTo(ChronoUnit.SECONDS)
		.toString();

	private final AtomicLong generations = new AtomicLong();

	private final String apiKey;

	private final Duration deltaDelay;

	private final DisposableServer server;

	private DemoOpenRouterServer(Duration deltaDelay) {
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		this.apiKey = "demo-" + HexFormat.of().formatHex(random);
		this.deltaDelay = deltaDelay;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post(MESSAGES_PATH, this::handle)
				.get(KEY_PATH, this::key)
				.get(GENERATION_PATH, this::generation))
			.bindNow(Duration.ofSeconds(10));
	}

	/**
	 * Starts a stub that streams as fast as it can.
	 * @return the running stub
	 */
	public static DemoOpenRouterServer start() {
		return start(Duration.ZERO);
	}

	/**
	 * Starts a stub that pauses between stream frames, so that a human sees the answer arrive.
	 * @param deltaDelay pause between two frames of a stream; zero for none
	 * @return the running stub
	 */
	public static DemoOpenRouterServer start(Duration deltaDelay) {
		return new DemoOpenRouterServer(deltaDelay);
	}

	/**
	 * Returns the base URL to configure a client with, e.g. {@code http://127.0.0.1:54321/api/v1}.
	 * @return the base URL, without a trailing slash
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/api/v1";
	}

	/**
	 * Returns the only key this stub accepts.
	 * @return the {@code demo-…} key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Returns every answer served so far, in order.
	 * @return a snapshot of the answers
	 */
	public List<DemoReply> served() {
		return List.copyOf(this.served);
	}

	/**
	 * Stops the stub and frees its port.
	 */
	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String authorization = request.requestHeaders().get("Authorization");
		boolean routingMetadata = "enabled"
			.equalsIgnoreCase(String.valueOf(request.requestHeaders().get("X-OpenRouter-Metadata")).strip());
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((body) -> respond(response, authorization, routingMetadata, body));
	}

	private Mono<Void> respond(HttpServerResponse response, @Nullable String authorization, boolean routingMetadata,
			String body) {
		if (!("Bearer " + this.apiKey).equals(authorization)) {
			return error(response, 401, "authentication_error",
					"Invalid credentials: the demo stub accepts only the key it generated");
		}
		JsonNode request;
		DemoReply reply;
		try {
			request = this.mapper.readTree(body);
			reply = this.replies.reply(request);
		}
		catch (JacksonException ex) {
			return error(response, 400, "invalid_request_error", "Invalid request: body is not valid JSON");
		}
		catch (DemoRequestException ex) {
			return error(response, 400, "invalid_request_error", ex.getMessage());
		}
		this.served.add(reply);
		String generationId = String.format(Locale.ROOT, "gen-demo-%06d", this.generations.incrementAndGet());
		this.byGeneration.put(generationId, reply);
		response.status(200).header("X-Generation-Id", generationId);
		if (request.path("stream").asBoolean(false)) {
			Flux<String> frames = Flux.fromIterable(this.wireFormat.sseFrames(reply, routingMetadata));
			if (!this.deltaDelay.isZero()) {
				frames = frames.delayElements(this.deltaDelay);
			}
			return response.header("Content-Type", "text/event-stream")
				.header("Cache-Control", "no-cache")
				.sendString(frames, StandardCharsets.UTF_8)
				.then();
		}
		return response.header("Content-Type", "application/json")
			.sendString(Mono.just(this.wireFormat.json(reply, routingMetadata)), StandardCharsets.UTF_8)
			.then();
	}

	/**
	 * Answers {@code GET /api/v1/key}: a key named "demo" with a limit of {@link #KEY_LIMIT}, used
	 * by what the served answers cost, that expires a year after the stub started.
	 */
	private Publisher<Void> key(HttpServerRequest request, HttpServerResponse response) {
		if (!authorized(request)) {
			return error(response, 401, "authentication_error", "Invalid credentials");
		}
		BigDecimal usage = this.served.stream().map(DemoReply::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
		ObjectNode data = this.mapper.createObjectNode()
			.put("label", "demo")
			.put("limit", KEY_LIMIT)
			.put("limit_remaining", KEY_LIMIT.subtract(usage))
			.put("limit_reset", "monthly")
			.put("usage", usage)
			.put("usage_daily", usage)
			.put("usage_weekly", usage)
			.put("usage_monthly", usage)
			.put("byok_usage", 0)
			.put("byok_usage_daily", 0)
			.put("byok_usage_weekly", 0)
			.put("byok_usage_monthly", 0)
			.put("include_byok_in_limit", false)
			.put("is_free_tier", false)
			.put("is_management_key", false)
			.put("is_provisioning_key", false)
			.put("expires_at", this.keyExpiresAt)
			.putNull("creator_user_id");
		return json(response, data);
	}

	/**
	 * Answers {@code GET /api/v1/generation?id=} for the answers this stub served, 404 otherwise.
	 */
	private Publisher<Void> generation(HttpServerRequest request, HttpServerResponse response) {
		if (!authorized(request)) {
			return error(response, 401, "authentication_error", "Invalid credentials");
		}
		List<String> ids = new QueryStringDecoder(request.uri()).parameters().getOrDefault("id", List.of());
		DemoReply reply = ids.isEmpty() ? null : this.byGeneration.get(ids.get(0));
		if (reply == null) {
			return error(response, 404, "not_found_error", "Generation not found");
		}
		ObjectNode data = this.mapper.createObjectNode()
			.put("id", ids.get(0))
			.put("upstream_id", reply.id())
			.put("created_at", "2026-01-01T00:00:00Z")
			.put("model", reply.model())
			.put("provider_name", reply.provider())
			.put("total_cost", reply.cost())
			.put("usage", reply.cost())
			.put("is_byok", false)
			.put("tokens_prompt", reply.totalInputTokens())
			.put("tokens_completion", reply.outputTokens())
			.put("native_tokens_prompt", reply.totalInputTokens())
			.put("native_tokens_completion", reply.outputTokens())
			.put("native_tokens_reasoning", reply.thinkingTokens())
			.put("native_tokens_cached", reply.cacheReadInputTokens())
			.put("finish_reason", reply.stopReason())
			.put("origin", "")
			.put("data_region", "global");
		data.putArray("provider_responses")
			.addObject()
			.put("provider_name", reply.provider())
			.put("model_permaslug", reply.model())
			.put("status", 200)
			.put("latency", 0);
		return json(response, data);
	}

	private boolean authorized(HttpServerRequest request) {
		return ("Bearer " + this.apiKey).equals(request.requestHeaders().get("Authorization"));
	}

	private Mono<Void> json(HttpServerResponse response, ObjectNode data) {
		String body = this.mapper.writeValueAsString(this.mapper.createObjectNode().set("data", data));
		return response.status(200)
			.header("Content-Type", "application/json")
			.sendString(Mono.just(body), StandardCharsets.UTF_8)
			.then();
	}

	private Mono<Void> error(HttpServerResponse response, int status, String type, String message) {
		return response.status(status)
			.header("Content-Type", "application/json")
			.sendString(Mono.just(this.wireFormat.error(type, message)), StandardCharsets.UTF_8)
			.then();
	}

	@Override
	public String toString() {
		return "DemoOpenRouterServer[" + baseUrl() + "]";
	}

}
