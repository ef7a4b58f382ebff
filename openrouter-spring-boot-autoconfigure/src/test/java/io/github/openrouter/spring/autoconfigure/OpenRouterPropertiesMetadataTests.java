package io.github.openrouter.spring.autoconfigure;

import java.io.File;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that the annotation processor generates for
 * {@link OpenRouterProperties}.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterPropertiesMetadataTests {

	private static final List<String> PROPERTIES = List.of("openrouter.api-key", "openrouter.base-url",
			"openrouter.default-model", "openrouter.fallback-models", "openrouter.routing-metadata",
			"openrouter.provider.order", "openrouter.provider.only", "openrouter.provider.ignore",
			"openrouter.provider.allow-fallbacks", "openrouter.provider.require-parameters",
			"openrouter.provider.data-collection", "openrouter.provider.zdr",
			"openrouter.provider.enforce-distillable-text", "openrouter.provider.quantizations",
			"openrouter.provider.sort", "openrouter.provider.sort-partition",
			"openrouter.provider.preferred-max-latency.p50", "openrouter.provider.preferred-max-latency.p75",
			"openrouter.provider.preferred-max-latency.p90", "openrouter.provider.preferred-max-latency.p99",
			"openrouter.provider.preferred-min-throughput.p50", "openrouter.provider.preferred-min-throughput.p75",
			"openrouter.provider.preferred-min-throughput.p90", "openrouter.provider.preferred-min-throughput.p99",
			"openrouter.provider.max-price.prompt", "openrouter.provider.max-price.completion",
			"openrouter.provider.max-price.image", "openrouter.provider.max-price.audio",
			"openrouter.provider.max-price.request", "openrouter.app.referer", "openrouter.app.title",
			"openrouter.app.categories", "openrouter.timeouts.connect", "openrouter.timeouts.first-byte",
			"openrouter.timeouts.stream-idle", "openrouter.timeouts.total", "openrouter.retry.max-attempts",
			"openrouter.retry.initial-backoff", "openrouter.retry.max-backoff", "openrouter.retry.multiplier",
			"openrouter.retry.jitter", "openrouter.retry.max-retry-after", "openrouter.retry.retry-first-byte-timeouts",
			"openrouter.metrics.enabled",
			"openrouter.metrics.max-tag-values", "openrouter.wire-logging.enabled",
			"openrouter.wire-logging.max-body-chars", "openrouter.http.allow-insecure-http",
			"openrouter.http.max-connections", "openrouter.http.pending-acquire-timeout", "openrouter.http.max-idle-time",
			"openrouter.http.ssl-bundle",
			"openrouter.streaming.keep-partial-message", "openrouter.account.enabled",
			"openrouter.account.refresh-interval", "openrouter.account.management-key",
			"openrouter.account.low-credit-threshold", "openrouter.account.down-when-unusable");

	private static final Map<String, JsonNode> metadata = new LinkedHashMap<>();

	@BeforeAll
	static void readGeneratedMetadata() throws Exception {
		Path classes = new File(OpenRouterProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.toPath();
		Path file = classes.resolve("META-INF/spring-configuration-metadata.json");
		assertThat(file).exists();
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
		for (JsonNode property : root.path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("openrouter.")) {
				metadata.put(name, property);
			}
		}
	}

	@Test
	void shouldDescribeEveryProperty() {
		assertThat(metadata.keySet()).containsExactlyInAnyOrderElementsOf(PROPERTIES);
		metadata.forEach((name, property) -> {
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank().endsWith(".").doesNotStartWith("The ").doesNotStartWith("A ");
			assertThat(property.path("sourceType").asString()).as(name)
				.startsWith(OpenRouterProperties.class.getName());
			if (property.path("type").asString().equals("java.lang.Boolean")) {
				assertThat(description).as(name).startsWith("Whether");
			}
		});
	}

	@Test
	void shouldDocumentEveryDefaultValue() {
		OpenRouterProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("openrouter",
				OpenRouterProperties.class);
		int withDefault = 0;
		for (String name : PROPERTIES) {
			JsonNode property = metadata.get(name);
			Object value = valueOf(defaults, name);
			boolean hasDefault = value != null && !(value instanceof Collection<?> collection && collection.isEmpty());
			if (hasDefault) {
				withDefault++;
				assertThat(property.has("defaultValue")).as(name + " documents its default").isTrue();
				String documented = property.path("defaultValue").asString();
				Object bound = new Binder(new MapConfigurationPropertySource(Map.of(name, documented)))
					.bind(name, Bindable.of(value.getClass()))
					.get();
				assertThat(bound).as(name + " default").isEqualTo(value);
			}
			else {
				assertThat(property.has("defaultValue")).as(name + " has no default").isFalse();
			}
		}
		assertThat(withDefault).isEqualTo(23);
	}

	@Test
	void shouldDocumentTheEnvironmentVariableFallbackOfTheApiKey() {
		assertThat(metadata.get("openrouter.api-key").path("description").asString()).contains("OPENROUTER_API_KEY");
	}

	private static Object valueOf(OpenRouterProperties properties, String name) {
		Object value = properties;
		for (String segment : name.substring("openrouter.".length()).split("\\.")) {
			RecordComponent component = Arrays.stream(value.getClass().getRecordComponents())
				.filter((candidate) -> DataObjectPropertyName.toDashedForm(candidate.getName()).equals(segment))
				.findFirst()
				.orElseThrow();
			value = ReflectionUtils.invokeMethod(component.getAccessor(), value);
			if (value == null) {
				break;
			}
		}
		return value;
	}

}
