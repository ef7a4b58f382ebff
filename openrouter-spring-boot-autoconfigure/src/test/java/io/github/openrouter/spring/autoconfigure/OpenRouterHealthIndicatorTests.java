package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.openrouter.spring.account.Credits;
import io.github.openrouter.spring.account.Generation;
import io.github.openrouter.spring.account.KeyInfo;
import io.github.openrouter.spring.account.ReactiveAccountClient;
import io.github.openrouter.spring.messages.error.internal.ErrorMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterHealthIndicator} and {@link AccountMetrics} over the state of an
 * {@link AccountRefresher} that reads from a scripted client.
 */
class OpenRouterHealthIndicatorTests {

	private static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final ScriptedClient client = new ScriptedClient();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AccountMetrics metrics = new AccountMetrics(this.registry, Clock.fixed(NOW, ZoneOffset.UTC));

	private final AccountRefresher refresher = new AccountRefresher(this.client, Duration.ofMinutes(5),
			Clock.fixed(NOW, ZoneOffset.UTC), List.of(this.metrics));

	private final OpenRouterHealthIndicator indicator = new OpenRouterHealthIndicator(this.refresher,
			new BigDecimal("2"), false);

	@Test
	void shouldBeUnknownBeforeTheFirstRead() {
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(this.registry.find(AccountMetrics.KEY_USAGE).gauges()).isEmpty();
	}

	@Test
	void shouldBeUpWithCreditAboveTheThreshold() {
		Health health = read(key("backend", "10", "2", null));

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("label", "backend")
			.containsEntry("limit", new BigDecimal("10"))
			.containsEntry("limitRemaining", new BigDecimal("2"))
			.containsEntry("expiresAt", "never");
	}

	@Test
	void shouldReportLowAndNoCredit() {
		assertThat(read(key("backend", "10", "1.99", null)).getStatus()).isEqualTo(OpenRouterHealthIndicator.LOW_CREDIT);
		assertThat(read(key("backend", "10", "0", null)).getStatus()).isEqualTo(OpenRouterHealthIndicator.NO_CREDIT);
		assertThat(read(key("backend", "10", "-0.01", null)).getStatus())
			.isEqualTo(OpenRouterHealthIndicator.NO_CREDIT);
	}

	@Test
	void shouldReportAKeyWithoutLimitAsUpWithNoLimit() {
		Health health = read(key("backend", null, null, null));

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("limit", "none").doesNotContainKey("limitRemaining");
		assertThat(this.registry.find(AccountMetrics.KEY_LIMIT).gauges()).isEmpty();
		assertThat(this.registry.find(AccountMetrics.KEY_LIMIT_REMAINING).gauges()).isEmpty();
		assertThat(this.registry.get(AccountMetrics.KEY_USAGE).tag(AccountMetrics.PERIOD, "total").gauge().value())
			.isEqualTo(4.0);
	}

	@Test
	void shouldTakeTheLowerOfTheLimitAndTheBalance() {
		this.client.credits = new Credits(new BigDecimal("10"), new BigDecimal("9"));

		Health health = read(key("backend", "100", "50", null));

		assertThat(health.getStatus()).isEqualTo(OpenRouterHealthIndicator.LOW_CREDIT);
		assertThat(health.getDetails()).containsEntry("balance", new BigDecimal("1"));
		assertThat(this.registry.get(AccountMetrics.ACCOUNT_CREDITS)
			.tag(AccountMetrics.CREDITS_TYPE, "remaining")
			.gauge()
			.value()).isEqualTo(1.0);
	}

	@Test
	void shouldReportAnExpiredKeyAndTheTimeUntilExpiry() {
		assertThat(read(key("backend", null, null, "2026-12-07T17:59:59Z")).getStatus())
			.isEqualTo(OpenRouterHealthIndicator.KEY_EXPIRED);
		assertThat(this.registry.get(AccountMetrics.KEY_EXPIRY).gauge().value()).isEqualTo(-1.0);

		assertThat(read(key("backend", null, null, "2026-12-08T18:00:00Z")).getStatus()).isEqualTo(Status.UP);
		assertThat(this.registry.get(AccountMetrics.KEY_EXPIRY).gauge().value()).isEqualTo(86_400.0);
	}

	@Test
	void shouldMaskTheLabelOfAnUnnamedKey() {
		assertThat(read(key("sk-or-v1-au7...890", null, null, null)).getDetails()).containsEntry("label",
				OpenRouterHealthIndicator.UNNAMED_KEY);
		assertThat(OpenRouterHealthIndicator.label("sk-or-v1-0e6...1c96")).isEqualTo(OpenRouterHealthIndicator.UNNAMED_KEY);
		assertThat(OpenRouterHealthIndicator.label("SK-proxy")).isEqualTo(OpenRouterHealthIndicator.UNNAMED_KEY);
		assertThat(OpenRouterHealthIndicator.label("billing-backend")).isEqualTo("billing-backend");
	}

	@Test
	void shouldKeepTheLastValuesAndCountAFailedRead() {
		read(key("backend", "10", "5", null));
		this.client.failure = ErrorMapper.map(503, new HttpHeaders(), null);

		Health health = read(null);

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("limitRemaining", new BigDecimal("5"))
			.containsEntry("lastError", "503");
		assertThat(this.registry.get(AccountMetrics.KEY_LIMIT_REMAINING).gauge().value()).isEqualTo(5.0);
		assertThat(this.registry.get(AccountMetrics.REFRESH_FAILURES).tag("error.type", "503").counter().count())
			.isEqualTo(1.0);
	}

	@Test
	void shouldReportARejectedKeyUntilAReadSucceeds() {
		read(key("backend", "10", "5", null));
		this.client.failure = ErrorMapper.map(401, new HttpHeaders(), null);
		assertThat(read(null).getStatus()).isEqualTo(OpenRouterHealthIndicator.KEY_REJECTED);
		this.client.failure = ErrorMapper.map(500, new HttpHeaders(), null);
		assertThat(read(null).getStatus()).isEqualTo(OpenRouterHealthIndicator.KEY_REJECTED);

		this.client.failure = null;
		assertThat(read(key("backend", "10", "5", null)).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void shouldReportDownWhenTheOwnerOptsIn() {
		OpenRouterHealthIndicator strict = new OpenRouterHealthIndicator(this.refresher, BigDecimal.ONE, true);
		this.client.failure = ErrorMapper.map(403, new HttpHeaders(), null);

		read(null);

		Health health = strict.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("problem", "KEY_REJECTED");
	}

	private Health read(@Nullable KeyInfo key) {
		this.client.key = key;
		this.refresher.refresh().block(Duration.ofSeconds(5));
		return this.indicator.health();
	}

	private static KeyInfo key(String label, @Nullable String limit, @Nullable String remaining,
			@Nullable String expiresAt) {
		return mapper.readerFor(KeyInfo.class)
			.at("/data")
			.readValue(AccountAnswers.key(label, limit, remaining, "4", expiresAt));
	}

	private static final class ScriptedClient implements ReactiveAccountClient {

		private @Nullable KeyInfo key;

		private @Nullable Credits credits;

		private @Nullable Throwable failure;

		@Override
		public Mono<KeyInfo> key() {
			return (this.failure != null) ? Mono.error(this.failure) : Mono.justOrEmpty(this.key);
		}

		@Override
		public Mono<Generation> generation(String id) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<Generation> awaitGeneration(String id, Duration maxWait) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public boolean hasManagementKey() {
			return this.credits != null;
		}

		@Override
		public Mono<Credits> credits() {
			return Mono.justOrEmpty(this.credits);
		}

	}

}
