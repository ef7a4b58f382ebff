package io.github.openrouter.spring.sample;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls a running sample app over HTTP: its chat endpoints and the token meters in
 * {@code /actuator/metrics} and {@code /actuator/prometheus}.
 */
final class SampleAppHttp {

	static final Duration TIMEOUT = Duration.ofSeconds(120);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final WebClient http;

	SampleAppHttp(int port) {
		this.http = WebClient.create("http://127.0.0.1:" + port);
	}

	WebClient webClient() {
		return this.http;
	}

	JsonNode chat(String message) {
		String body = this.mapper.writeValueAsString(this.mapper.createObjectNode().put("message", message));
		return this.mapper.readTree(this.http.post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(String.class)
			.block(TIMEOUT));
	}

	List<ServerSentEvent<String>> stream(String message) {
		return this.http.get()
			.uri((uri) -> uri.path("/chat/stream").queryParam("message", message).build())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.collectList()
			.block(TIMEOUT);
	}

	JsonNode json(String data) {
		return this.mapper.readTree(data);
	}

	String get(String path) {
		return this.http.get().uri(path).retrieve().bodyToMono(String.class).block(TIMEOUT);
	}

	/**
	 * Reads the token totals of {@code gen_ai.client.token.usage} from {@code /actuator/metrics}.
	 */
	TokenTotals metricsTotals() {
		return new TokenTotals(metric("input", "TOTAL"), metric("output", "TOTAL"), metric("input", "COUNT"));
	}

	private double metric(String tokenType, String statistic) {
		return metric("gen_ai.client.token.usage", statistic, "gen_ai.token.type:" + tokenType);
	}

	/**
	 * Reads one statistic of a meter from {@code /actuator/metrics}, 0 if the meter does not exist yet.
	 * @param name the meter name
	 * @param statistic e.g. {@code COUNT} or {@code TOTAL}
	 * @param tags tag filters as {@code key:value}
	 */
	double metric(String name, String statistic, String... tags) {
		String body = this.http.get()
			.uri((uri) -> uri.path("/actuator/metrics/" + name).queryParam("tag", (Object[]) tags).build())
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? response.bodyToMono(String.class)
					: response.releaseBody().thenReturn("{}"))
			.block(TIMEOUT);
		for (JsonNode measurement : this.mapper.readTree(body).path("measurements")) {
			if (statistic.equals(measurement.path("statistic").asString())) {
				return measurement.path("value").asDouble();
			}
		}
		return 0;
	}

	/**
	 * Reads the token totals of {@code gen_ai_client_token_usage} from {@code /actuator/prometheus}.
	 */
	TokenTotals prometheusTotals() {
		double input = 0;
		double output = 0;
		double count = 0;
		for (String line : get("/actuator/prometheus").split("\n")) {
			if (!line.startsWith("gen_ai_client_token_usage") || line.indexOf('{') < 0) {
				continue;
			}
			String name = line.substring(0, line.indexOf('{'));
			double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			boolean inputType = line.contains("gen_ai_token_type=\"input\"");
			boolean outputType = line.contains("gen_ai_token_type=\"output\"");
			if (name.endsWith("_sum") && inputType) {
				input += value;
			}
			else if (name.endsWith("_sum") && outputType) {
				output += value;
			}
			else if (name.endsWith("_count") && inputType) {
				count += value;
			}
		}
		return new TokenTotals(input, output, count);
	}

	/**
	 * Token totals read from one meter source.
	 */
	record TokenTotals(double input, double output, double calls) {

		TokenTotals minus(TokenTotals before) {
			return new TokenTotals(this.input - before.input, this.output - before.output, this.calls - before.calls);
		}

	}

}
