package io.github.openrouter.spring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.EnabledThinking;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.sample.demo.DemoModeInitializer;
import io.github.openrouter.spring.sample.demo.DemoReplies;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that every query of the Grafana dashboard in {@code docs/grafana-dashboard.json} names
 * metrics that the sample app really exposes in {@code /actuator/prometheus}, after a call, a
 * stream, a call with thinking and a call that falls back through its demo mode, and that its
 * {@code openrouter} health component shows the demo key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.demo-mode=always", "sample.demo-delta-delay=0ms" })
class GrafanaDashboardTests {

	private static final Pattern METRIC = Pattern.compile("\\b((?:gen_ai|openrouter)_[a-z0-9_]+)\\b");

	/** Label lists ({@code by (...)}) and matchers ({@code {...}}), which name labels, not metrics. */
	private static final Pattern LABELS = Pattern.compile("\\b(?:by|without)\\s*\\([^)]*\\)|\\{[^}]*\\}");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private MessagesClient client;

	@Test
	void shouldQueryOnlyMetricsThatTheSampleAppExposes() throws IOException {
		SampleAppHttp http = new SampleAppHttp(this.port);
		http.chat("What does the dashboard show?");
		http.stream("Stream something for the time to first chunk");
		// thinking for the reasoning tokens; the demo's unavailable model for a fallback
		this.client.create(MessageRequest.builder()
			.maxTokens(2048)
			.thinking(new EnabledThinking(EnabledThinking.TYPE, 1024, null))
			.addUserMessage("Think first")
			.build());
		this.client.create(MessageRequest.builder()
			.model(DemoReplies.UNAVAILABLE_MODEL)
			.addUserMessage("Fall back, please")
			.build());
		JsonNode health = awaitKeyRead(http);
		String exposition = http.get("/actuator/prometheus");
		Set<String> exposed = exposition.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toCollection(TreeSet::new));

		List<String> queried = queriedMetrics();

		assertThat(queried).hasSizeGreaterThan(15);
		assertThat(exposed).containsAll(queried);
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.at("/details/label").asString()).isEqualTo("demo");
		assertThat(health.at("/details/limit").asDouble()).isEqualTo(DemoModeInitializer.KEY_LIMIT.doubleValue());
	}

	@Test
	void shouldGiveEveryPanelAQueryWithAMetric() throws IOException {
		JsonNode dashboard = dashboard();

		assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(8);
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
			for (JsonNode target : panel.path("targets")) {
				assertThat(METRIC.matcher(target.path("expr").asString()).find()).as(target.path("expr").asString())
					.isTrue();
			}
		}
		assertThat(dashboard.toString()).contains("openrouter_key_limit_remaining_usd",
				"gen_ai_client_operation_time_to_first_chunk_seconds", "openrouter_client_fallbacks_total",
				"openrouter_client_cost_usd", "error_type");
	}

	/**
	 * Waits for the background refresh to have read the demo key after the calls (the gauges
	 * exist from the first read, which runs as the app starts).
	 */
	private static JsonNode awaitKeyRead(SampleAppHttp http) {
		JsonNode[] health = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			health[0] = http.json(http.get("/actuator/health/openrouter"));
			return health[0].at("/details/label").asString().equals("demo");
		});
		return health[0];
	}

	private static List<String> queriedMetrics() throws IOException {
		List<String> names = new ArrayList<>();
		for (JsonNode panel : dashboard().path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				Matcher matcher = METRIC.matcher(LABELS.matcher(target.path("expr").asString()).replaceAll(""));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		return names;
	}

	private static JsonNode dashboard() throws IOException {
		Path file = ReadmeFile.path().resolveSibling(Path.of("docs", "grafana-dashboard.json"));
		return mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
	}

}
