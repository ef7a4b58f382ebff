package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.model.routing.DataCollection;
import io.github.openrouter.spring.messages.model.routing.Quantization;
import io.github.openrouter.spring.messages.model.routing.SortPartition;
import io.github.openrouter.spring.messages.model.routing.SortStrategy;
import io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link OpenRouterProperties}.
 *
 * @author OpenRouter Spring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenRouterPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void shouldDefaultTimeoutsAndRetryToTheClientDefaults() {
		this.contextRunner.run((context) -> {
			OpenRouterProperties properties = context.getBean(OpenRouterProperties.class);
			assertThat(properties.baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
			assertThat(OpenRouterPropertiesMapper.timeouts(properties.timeouts(), HttpClientSettings.defaults()))
				.isEqualTo(ClientTimeouts.defaults());
			assertThat(OpenRouterPropertiesMapper.retryPolicy(properties.retry())).isEqualTo(RetryPolicy.defaults());
			assertThat(properties.routingMetadata()).isFalse();
			assertThat(properties.metrics().enabled()).isTrue();
			assertThat(properties.metrics().maxTagValues()).isEqualTo(100)
				.isEqualTo(DefaultMessagesObservationConvention.DEFAULT_MAX_TAG_VALUES);
			assertThat(properties.wireLogging().enabled()).isFalse();
			assertThat(properties.streaming().keepPartialMessage()).isTrue();
			assertThat(ProviderPreferencesMapper.toPreferences(properties.provider())).isNull();
		});
	}

	@Test
	void shouldBindEveryPropertyToItsType() {
		this.contextRunner.withPropertyValues("openrouter.base-url=http://127.0.0.1:8080/api/v1",
				"openrouter.default-model=anthropic/claude-sonnet-4",
				"openrouter.fallback-models=openai/gpt-4o,google/gemini-2.5-pro", "openrouter.routing-metadata=true",
				"openrouter.provider.order=anthropic,google-vertex", "openrouter.provider.only=anthropic",
				"openrouter.provider.ignore=deepinfra/turbo", "openrouter.provider.allow-fallbacks=false",
				"openrouter.provider.require-parameters=true", "openrouter.provider.data-collection=deny",
				"openrouter.provider.zdr=true", "openrouter.provider.enforce-distillable-text=true",
				"openrouter.provider.quantizations=fp8,bf16", "openrouter.provider.sort=throughput",
				"openrouter.provider.sort-partition=none", "openrouter.provider.preferred-max-latency.p90=1500ms",
				"openrouter.provider.preferred-min-throughput.p50=42.5", "openrouter.provider.max-price.prompt=3",
				"openrouter.provider.max-price.completion=15.5", "openrouter.app.referer=https://example.com",
				"openrouter.app.title=Example", "openrouter.app.categories=cli-agent,ide",
				"openrouter.timeouts.connect=2s", "openrouter.timeouts.first-byte=30s",
				"openrouter.timeouts.stream-idle=45s", "openrouter.timeouts.total=5m",
				"openrouter.retry.max-attempts=5",
				"openrouter.retry.initial-backoff=100ms", "openrouter.retry.max-backoff=2s",
				"openrouter.retry.multiplier=1.5", "openrouter.retry.jitter=0", "openrouter.retry.max-retry-after=10s",
				"openrouter.retry.retry-first-byte-timeouts=true",
				"openrouter.metrics.enabled=false", "openrouter.metrics.max-tag-values=20",
				"openrouter.wire-logging.enabled=true", "openrouter.wire-logging.max-body-chars=512",
				"openrouter.streaming.keep-partial-message=false", "openrouter.http.max-connections=64",
				"openrouter.http.pending-acquire-timeout=5s", "openrouter.http.max-idle-time=2m")
			.run((context) -> {
				OpenRouterProperties properties = context.getBean(OpenRouterProperties.class);
				assertThat(properties.baseUrl()).isEqualTo("http://127.0.0.1:8080/api/v1");
				assertThat(properties.defaultModel()).isEqualTo("anthropic/claude-sonnet-4");
				assertThat(properties.fallbackModels()).containsExactly("openai/gpt-4o", "google/gemini-2.5-pro");
				assertThat(properties.routingMetadata()).isTrue();
				OpenRouterProperties.Provider provider = properties.provider();
				assertThat(provider.order()).containsExactly("anthropic", "google-vertex");
				assertThat(provider.only()).containsExactly("anthropic");
				assertThat(provider.ignore()).containsExactly("deepinfra/turbo");
				assertThat(provider.allowFallbacks()).isFalse();
				assertThat(provider.requireParameters()).isTrue();
				assertThat(provider.dataCollection()).isEqualTo(DataCollection.DENY);
				assertThat(provider.zdr()).isTrue();
				assertThat(provider.enforceDistillableText()).isTrue();
				assertThat(provider.quantizations()).containsExactly(Quantization.FP8, Quantization.BF16);
				assertThat(provider.sort()).isEqualTo(SortStrategy.THROUGHPUT);
				assertThat(provider.sortPartition()).isEqualTo(SortPartition.NONE);
				assertThat(provider.preferredMaxLatency().p90()).isEqualTo(Duration.ofMillis(1500));
				assertThat(provider.preferredMaxLatency().p50()).isNull();
				assertThat(provider.preferredMinThroughput().p50()).isEqualTo(42.5);
				assertThat(provider.maxPrice().prompt()).isEqualByComparingTo(BigDecimal.valueOf(3));
				assertThat(provider.maxPrice().completion()).isEqualByComparingTo(new BigDecimal("15.5"));
				assertThat(properties.app().referer()).isEqualTo("https://example.com");
				assertThat(properties.app().title()).isEqualTo("Example");
				assertThat(properties.app().categories()).containsExactly("cli-agent", "ide");
				assertThat(OpenRouterPropertiesMapper.timeouts(properties.timeouts(), HttpClientSettings.defaults()))
					.isEqualTo(new ClientTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(45),
							Duration.ofMinutes(5)));
				assertThat(OpenRouterPropertiesMapper.retryPolicy(properties.retry())).isEqualTo(new RetryPolicy(5,
						Duration.ofMillis(100), Duration.ofSeconds(2), 1.5, 0.0, Duration.ofSeconds(10), true));
				assertThat(properties.metrics().enabled()).isFalse();
				assertThat(properties.metrics().maxTagValues()).isEqualTo(20);
				assertThat(properties.wireLogging().enabled()).isTrue();
				assertThat(properties.wireLogging().maxBodyChars()).isEqualTo(512);
				assertThat(properties.streaming().keepPartialMessage()).isFalse();
				assertThat(OpenRouterPropertiesMapper.connectionPool(properties.http())).isEqualTo(
						new ConnectionPoolSettings(64, Duration.ofSeconds(5), Duration.ofMinutes(2)));
			});
	}

	@Test
	void shouldAcceptThreeFallbackModels() {
		this.contextRunner.withPropertyValues("openrouter.fallback-models=a/one,b/two,c/three")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void shouldFailWhenMoreThanThreeFallbackModels() {
		this.contextRunner.withPropertyValues("openrouter.fallback-models=a/one,b/two,c/three,d/four")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("fallback-models")
				.hasMessageContaining("must list at most 3 models but lists 4"));
	}

	@Test
	void shouldFailWhenTimeoutIsNegativeOrZero() {
		this.contextRunner.withPropertyValues("openrouter.timeouts.connect=-1s", "openrouter.timeouts.total=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("timeouts.connect")
				.hasMessageContaining("timeouts.total")
				.hasMessageContaining("must be positive"));
	}

	@Test
	void shouldFailWhenRetryValuesAreOutOfRange() {
		this.contextRunner
			.withPropertyValues("openrouter.retry.max-attempts=0", "openrouter.retry.initial-backoff=-5ms",
					"openrouter.retry.multiplier=0.5", "openrouter.retry.jitter=1.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("retry.max-attempts")
				.hasMessageContaining("must be at least 1")
				.hasMessageContaining("retry.initial-backoff")
				.hasMessageContaining("must not be negative")
				.hasMessageContaining("retry.multiplier")
				.hasMessageContaining("retry.jitter"));
	}

	@Test
	void shouldFailWhenProviderValuesAreOutOfRange() {
		this.contextRunner
			.withPropertyValues("openrouter.provider.preferred-max-latency.p50=-1s",
					"openrouter.provider.preferred-min-throughput.p99=0", "openrouter.provider.max-price.prompt=-0.01",
					"openrouter.provider.order=anthropic,,google")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("provider.preferred-max-latency.p50")
				.hasMessageContaining("provider.preferred-min-throughput.p99")
				.hasMessageContaining("provider.max-price.prompt"));
	}

	@Test
	void shouldFailWhenBaseUrlIsNotAnHttpUrl() {
		this.contextRunner.withPropertyValues("openrouter.base-url=openrouter.ai/api/v1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("base-url")
				.hasMessageContaining("must be an absolute http or https URL"));
	}

	@Test
	void shouldFailWhenThePoolSettingsAreOutOfRange() {
		this.contextRunner
			.withPropertyValues("openrouter.http.max-connections=0", "openrouter.http.pending-acquire-timeout=0s",
					"openrouter.http.max-idle-time=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("http.max-connections")
				.hasMessageContaining("must be at least 1")
				.hasMessageContaining("http.pending-acquire-timeout")
				.hasMessageContaining("http.max-idle-time"));
	}

	@Test
	void shouldFailWhenCapsAreOutOfRange() {
		this.contextRunner
			.withPropertyValues("openrouter.metrics.max-tag-values=0", "openrouter.wire-logging.max-body-chars=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("metrics.max-tag-values")
				.hasMessageContaining("wire-logging.max-body-chars"));
	}

	@Test
	void shouldFailWhenAccountValuesAreOutOfRange() {
		this.contextRunner
			.withPropertyValues("openrouter.account.refresh-interval=0s", "openrouter.account.low-credit-threshold=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("account.refresh-interval")
				.hasMessageContaining("must be positive")
				.hasMessageContaining("account.low-credit-threshold")
				.hasMessageContaining("must not be negative"));
	}

	@Test
	void shouldReportTooManyFallbackModelsUnderThePropertyName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--openrouter.fallback-models=a/1,b/2,c/3,d/4"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: openrouter.fallback-models")
			.contains("must list at most 3 models but lists 4");
	}

	@Test
	void shouldReportNegativeDurationUnderThePropertyName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--openrouter.timeouts.stream-idle=-30s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: openrouter.timeouts.stream-idle")
			.contains("must be positive");
	}

	@Test
	void shouldReportUnknownEnumValueUnderThePropertyName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--openrouter.provider.sort=fastest"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: openrouter.provider.sort")
			.contains("fastest");
	}

	@Test
	void shouldNotReportTheApiKeyWhenAnotherPropertyIsInvalid(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--openrouter.api-key=sk-or-v1-secretvalue", "--openrouter.retry.max-attempts=0"));
		assertThat(output).contains("Property: openrouter.retry.max-attempts").doesNotContain("secretvalue");
	}

	private void run(String... args) {
		SpringApplication application = new SpringApplication(PropertiesConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OpenRouterProperties.class)
	static class PropertiesConfiguration {

	}

}
