package io.github.openrouter.spring.sample.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.StubAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an {@link OpenRouterStub} that answers with {@link DemoReplies} and points the
 * OpenRouter starter at it when no API key is configured, before any bean needs the client.
 *
 * <p>
 * Property {@code sample.demo-mode} chooses: {@code auto} (the default: demo mode unless
 * {@code openrouter.api-key} or {@code OPENROUTER_API_KEY} is set), {@code always} or
 * {@code never}. In demo mode it sets {@code openrouter.base-url} and {@code openrouter.api-key}
 * with the highest precedence, registers the stub as bean {@value #SERVER_BEAN_NAME} and stops
 * it with the context.
 *
 * @since 0.1.0
 */
public class DemoModeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Name of the property that chooses the mode: {@code auto}, {@code always} or {@code never}. */
	public static final String MODE_PROPERTY = "sample.demo-mode";

	/** Name of the property that sets the pause between two streamed frames, e.g. {@code 30ms}. */
	public static final String DELAY_PROPERTY = "sample.demo-delta-delay";

	/** Name of the stub's bean. */
	public static final String SERVER_BEAN_NAME = "demoOpenRouterStub";

	/** Spending limit of the demo key in USD; what the demo answers cost is taken from it. */
	public static final BigDecimal KEY_LIMIT = new BigDecimal("5");

	/** Name of the property source that points the starter at the stub. */
	public static final String PROPERTY_SOURCE_NAME = "openrouterDemoMode";

	private static final Logger logger = LoggerFactory.getLogger(DemoModeInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!demoMode(environment)) {
			return;
		}
		Duration delay = environment.getProperty(DELAY_PROPERTY, Duration.class, Duration.ofMillis(30));
		OpenRouterStub server = OpenRouterStub.start(StubAnswer.from(new DemoReplies()::answer).deltaDelay(delay));
		OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).truncatedTo(ChronoUnit.SECONDS);
		server.keyInfo((usage) -> OpenRouterStub.key("demo", KEY_LIMIT, usage, expiresAt));
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("openrouter.base-url", server.baseUrl(), "openrouter.api-key", server.apiKey())));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(SERVER_BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// Also runs when the refresh fails, unlike a ContextClosedEvent listener.
			registry.registerDisposableBean(SERVER_BEAN_NAME, server::close);
		}
		logger.warn(banner(server));
	}

	static boolean demoMode(ConfigurableEnvironment environment) {
		String mode = environment.getProperty(MODE_PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
		switch (mode) {
			case "always":
				return true;
			case "never":
				return false;
			case "auto":
				return !StringUtils.hasText(environment.getProperty("openrouter.api-key"))
						&& !StringUtils.hasText(environment.getProperty("OPENROUTER_API_KEY"));
			default:
				throw new IllegalStateException(
						"Property '" + MODE_PROPERTY + "' must be auto, always or never but was '" + mode + "'");
		}
	}

	private static String banner(OpenRouterStub server) {
		String line = "=".repeat(78);
		return String.join(System.lineSeparator(), "", line,
				" DEMO MODE: no OpenRouter API key is configured (openrouter.api-key / OPENROUTER_API_KEY).",
				" Answers come from an embedded OpenRouter-compatible stub at " + server.baseUrl() + ",",
				" not from a model. Usage, cost, provider and routing metadata are simulated.",
				" To talk to OpenRouter, stop the app, set your key and start it again:",
				"     export OPENROUTER_API_KEY=sk-or-...",
				" (" + MODE_PROPERTY + "=always|never forces a mode.)", line);
	}

}
