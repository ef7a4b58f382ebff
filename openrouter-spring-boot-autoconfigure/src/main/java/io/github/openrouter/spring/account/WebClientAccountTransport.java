package io.github.openrouter.spring.account;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.openrouter.spring.messages.error.internal.ErrorMapper;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * Sends the account GETs through a {@link WebClient}, bounded by a total time limit.
 */
final class WebClientAccountTransport implements AccountTransport {

	private static final byte[] EMPTY = new byte[0];

	private final WebClient webClient;

	private final String apiKey;

	private final Duration timeout;

	WebClientAccountTransport(String baseUrl, String apiKey, WebClient.Builder webClientBuilder, Duration timeout) {
		this.webClient = webClientBuilder.clone().baseUrl(baseUrl).build();
		this.apiKey = apiKey;
		this.timeout = timeout;
	}

	@Override
	public Mono<byte[]> get(String path, Map<String, String> query, @Nullable String bearerKey) {
		String key = (bearerKey != null) ? bearerKey : this.apiKey;
		return this.webClient.get()
			.uri((builder) -> {
				builder.path(path);
				Map<String, String> variables = new LinkedHashMap<>();
				query.forEach((name, value) -> {
					builder.queryParam(name, "{" + name + "}");
					variables.put(name, value);
				});
				return builder.build(variables);
			})
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(EMPTY)
				.flatMap((body) -> response.statusCode().is2xxSuccessful() ? Mono.just(body)
						: Mono.error(ErrorMapper.map(response.statusCode().value(), response.headers().asHttpHeaders(),
								body))))
			.timeout(this.timeout)
			.onErrorMap(TimeoutException.class,
					(ex) -> new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.TOTAL, this.timeout, ex))
			.onErrorMap(WebClientRequestException.class,
					(ex) -> new OpenRouterTransportException("GET " + path + " failed: " + ex.getMostSpecificCause()
						.getClass()
						.getSimpleName(), null, true));
	}

	@Override
	public String toString() {
		return "WebClientAccountTransport[apiKey=[REDACTED]]";
	}

}
