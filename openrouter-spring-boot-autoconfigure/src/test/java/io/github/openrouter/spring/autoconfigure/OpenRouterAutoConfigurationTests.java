package io.github.openrouter.spring.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link OpenRouterAutoConfiguration}.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterAutoConfigurationTests {

	private static final String API_KEY = "sk-or-v1-autoconfig-test-0123456789";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenRouterAutoConfiguration.class, WebClientAutoConfiguration.class));

	@Test
	void shouldSupplyBeans() {
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY).run((context) -> {
			assertThat(context).hasSingleBean(OpenRouterProperties.class)
				.hasSingleBean(PropertiesOpenRouterConnectionDetails.class)
				.hasSingleBean(ReactiveMessagesClient.class)
				.hasSingleBean(MessagesClient.class)
				.hasBean("openRouterConnectionDetails")
				.hasBean("openRouterReactiveMessagesClient")
				.hasBean("openRouterMessagesClient");
			assertThat(context.getBean(MessagesClient.class).reactive())
				.isSameAs(context.getBean(ReactiveMessagesClient.class));
		});
	}

	@Test
	void shouldSupplyAPrototypeBuilderConfiguredLikeTheClientForFurtherClients() {
		stubCreate("/api/v1/messages");
		stubCreate("/tenant-b/v1/messages");
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty())
			.withBean(MessagesClientBuilderCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-From-Customizer", "yes"))
			.run((context) -> {
				MessagesClientBuilder builder = context.getBean(MessagesClientBuilder.class);
				assertThat(context.getBean(MessagesClientBuilder.class)).isNotSameAs(builder);
				MessagesClient tenant = builder.baseUrl(wireMock.baseUrl() + "/tenant-b/v1")
					.apiKey("sk-or-v1-tenant-b-0123456789")
					.build();
				assertThat(tenant.create(request()).id()).isEqualTo("msg_abc123");
				context.getBean(MessagesClient.class).create(request());
				wireMock.verify(1, postRequestedFor(urlEqualTo("/tenant-b/v1/messages"))
					.withHeader("Authorization", equalTo("Bearer sk-or-v1-tenant-b-0123456789"))
					.withHeader("X-From-Customizer", equalTo("yes")));
				wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v1/messages"))
					.withHeader("Authorization", equalTo("Bearer " + API_KEY))
					.withHeader("X-From-Customizer", equalTo("yes")));
			});
	}

	@Test
	void shouldBuildTheClientFromTheApplicationsBuilderBean() {
		stubCreate();
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY)
			.withBean(MessagesClientBuilder.class,
					() -> MessagesClient.builder()
						.baseUrl(wireMock.baseUrl() + "/api/v1")
						.apiKey("sk-or-v1-own-builder-0123456789"))
			.run((context) -> {
				assertThat(context).hasSingleBean(MessagesClientBuilder.class)
					.doesNotHaveBean("openRouterMessagesClientBuilder");
				context.getBean(MessagesClient.class).create(request());
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withHeader("Authorization",
						equalTo("Bearer sk-or-v1-own-builder-0123456789")));
			});
	}

	@Test
	void shouldKeepThePartialMessageOfStreamsUnlessToldNotTo() {
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY)
			.run((context) -> assertThat(
					((DefaultReactiveMessagesClient) context.getBean(ReactiveMessagesClient.class)).settings()
						.keepPartialMessage())
				.isTrue());
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.streaming.keep-partial-message=false")
			.run((context) -> assertThat(
					((DefaultReactiveMessagesClient) context.getBean(ReactiveMessagesClient.class)).settings()
						.keepPartialMessage())
				.isFalse());
	}

	@Test
	void shouldUseCustomConnectionDetailsWhenDefined() {
		stubCreate();
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.base-url=http://127.0.0.1:1/unused")
			.withBean(OpenRouterConnectionDetails.class,
					() -> new FixedConnectionDetails(wireMock.baseUrl() + "/api/v1", "sk-or-v1-from-details"))
			.run((context) -> {
				assertThat(context).hasSingleBean(OpenRouterConnectionDetails.class)
					.doesNotHaveBean(PropertiesOpenRouterConnectionDetails.class);
				MessageResponse response = context.getBean(MessagesClient.class).create(request());
				assertThat(response.id()).isEqualTo("msg_abc123");
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withHeader("Authorization",
						equalTo("Bearer sk-or-v1-from-details")));
			});
	}

	@Test
	void shouldNotNeedKeyPropertyWhenConnectionDetailsAreDefined() {
		this.contextRunner
			.withBean(OpenRouterConnectionDetails.class,
					() -> new FixedConnectionDetails("http://127.0.0.1:1/api/v1", "sk-or-v1-from-details"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MessagesClient.class));
	}

	@Test
	void shouldBackOffWhenUserDefinesReactiveMessagesClient() {
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY)
			.withUserConfiguration(CustomReactiveClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveMessagesClient.class)
					.doesNotHaveBean("openRouterReactiveMessagesClient");
				assertThat(context.getBean(MessagesClient.class).reactive())
					.isSameAs(context.getBean("customReactiveMessagesClient"));
			});
	}

	@Test
	void shouldBackOffWhenUserDefinesMessagesClient() {
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY)
			.withUserConfiguration(CustomClientConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MessagesClient.class)
				.hasBean("customMessagesClient")
				.doesNotHaveBean("openRouterMessagesClient"));
	}

	@Test
	void shouldApplyCustomizersInOrder() {
		stubCreate();
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty())
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(CustomizersConfiguration.class).calls).containsExactly("first", "second");
				context.getBean(MessagesClient.class).create(request());
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages"))
					.withHeader("X-Customized-By", equalTo("second"))
					.withHeader("X-First", equalTo("yes")));
			});
	}

	@Test
	void shouldLetCustomizersOverrideProperties() {
		stubCreate();
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty(),
					"openrouter.app.title=From properties")
			.withBean(MessagesClientBuilderCustomizer.class,
					() -> (builder) -> builder.appTitle("From customizer"))
			.run((context) -> {
				context.getBean(MessagesClient.class).create(request());
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withHeader("X-OpenRouter-Title",
						equalTo("From customizer")));
			});
	}

	@Test
	void shouldApplyWebClientCustomizersToRequests() {
		stubCreate();
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty())
			.withBean("headerCustomizer", WebClientCustomizer.class,
					() -> (webClientBuilder) -> webClientBuilder.defaultHeader("X-From-WebClient-Customizer", "yes")
						.defaultCookie("from-customizer", "yes"))
			.run((context) -> {
				context.getBean(MessagesClient.class).create(request());
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages"))
					.withHeader("X-From-WebClient-Customizer", equalTo("yes"))
					.withCookie("from-customizer", equalTo("yes"))
					.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
			});
	}

	@Test
	void shouldApplyWebClientCustomizerFiltersAndHeadersToRequests() {
		stubCreate();
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty())
			.withBean("filterCustomizer", WebClientCustomizer.class, () -> (webClientBuilder) -> webClientBuilder
				.filter((request, next) -> next.exchange(ClientRequest.from(request).header("X-From-Filter", "yes").build())))
			.withBean("headerCustomizer", WebClientCustomizer.class,
					() -> (webClientBuilder) -> webClientBuilder.defaultHeader("X-From-WebClient-Customizer", "yes"))
			.run((context) -> {
				context.getBean(MessagesClient.class).create(request());
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withHeader("X-From-Filter", equalTo("yes"))
					.withHeader("X-From-WebClient-Customizer", equalTo("yes"))
					.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
			});
	}

	@Test
	void shouldSendConfiguredDefaultsWithEveryRequest() {
		stubCreate();
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty(),
					"openrouter.default-model=anthropic/claude-sonnet-4",
					"openrouter.fallback-models=openai/gpt-4o,google/gemini-2.5-pro",
					"openrouter.routing-metadata=true",
					"openrouter.provider.order=anthropic,google-vertex", "openrouter.provider.allow-fallbacks=false",
					"openrouter.provider.data-collection=deny", "openrouter.provider.zdr=true",
					"openrouter.provider.quantizations=fp8,bf16", "openrouter.provider.sort=latency",
					"openrouter.provider.sort-partition=none", "openrouter.provider.preferred-max-latency.p90=1500ms",
					"openrouter.provider.preferred-min-throughput.p50=40", "openrouter.provider.max-price.prompt=3.50",
					"openrouter.app.referer=https://example.com/app", "openrouter.app.title=Example App",
					"openrouter.app.categories=cli-agent,ide")
			.run((context) -> {
				context.getBean(MessagesClient.class)
					.create(MessageRequest.builder().maxTokens(64).addUserMessage("Hello").build());
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages"))
					.withHeader("HTTP-Referer", equalTo("https://example.com/app"))
					.withHeader("X-OpenRouter-Title", equalTo("Example App"))
					.withHeader("X-OpenRouter-Categories", equalTo("cli-agent,ide"))
					.withHeader("X-OpenRouter-Metadata", equalTo("enabled"))
					.withRequestBody(matchingJsonPath("$.model", equalTo("anthropic/claude-sonnet-4")))
					.withRequestBody(matchingJsonPath("$.models",
							equalToJson("[\"openai/gpt-4o\",\"google/gemini-2.5-pro\"]")))
					.withRequestBody(matchingJsonPath("$.provider", equalToJson("""
							{
							  "order": ["anthropic", "google-vertex"],
							  "allow_fallbacks": false,
							  "data_collection": "deny",
							  "zdr": true,
							  "quantizations": ["fp8", "bf16"],
							  "sort": {"by": "latency", "partition": "none"},
							  "preferred_max_latency": {"p90": 1.5},
							  "preferred_min_throughput": {"p50": 40},
							  "max_price": {"prompt": "3.5"}
							}
							"""))));
			});
	}

	@Test
	void shouldSendSortAsStringWhenNoPartitionIsSet() {
		stubCreate();
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty(), "openrouter.provider.sort=price")
			.run((context) -> {
				context.getBean(MessagesClient.class).create(request());
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages"))
					.withRequestBody(matchingJsonPath("$.provider", equalToJson("{\"sort\": \"price\"}"))));
			});
	}

	@Test
	void shouldTakeApiKeyFromEnvironmentVariableWhenPropertyIsNotSet() {
		stubCreate();
		this.contextRunner.withPropertyValues("OPENROUTER_API_KEY=sk-or-v1-from-variable", baseUrlProperty())
			.run((context) -> {
				context.getBean(MessagesClient.class).create(request());
				wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withHeader("Authorization",
						equalTo("Bearer sk-or-v1-from-variable")));
			});
	}

	@Test
	void shouldObserveCallsWithTheApplicationsObservationRegistry() {
		// Boot's WebClient observation: the client records http.client.requests too
		assertObservedCall(this.contextRunner.withConfiguration(
				AutoConfigurations.of(WebClientObservationAutoConfiguration.class)), 1);
	}

	@Test
	void shouldNotRecordHttpClientRequestsWhenTheApplicationHasNoWebClientObservation() {
		assertObservedCall(this.contextRunner, 0);
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY)
			.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.run((context) -> assertThat(context).doesNotHaveBean("openRouterHttpClientObservationCustomizer"));
	}

	@Test
	void shouldNameHttpClientRequestsAsBootNamesThem() {
		stubCreate();
		TestObservationRegistry observationRegistry = TestObservationRegistry.create();
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebClientObservationAutoConfiguration.class))
			.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty(),
					"management.observations.http.client.requests.name=custom.client.requests")
			.withBean(ObservationRegistry.class, () -> observationRegistry)
			.run((context) -> {
				context.getBean(MessagesClient.class).create(request());
				TestObservationRegistryAssert.assertThat(observationRegistry)
					.hasNumberOfObservationsWithNameEqualTo("custom.client.requests", 1)
					.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 0);
			});
	}

	@Test
	void shouldPassTheApplicationsClientRequestObservationConvention() {
		ClientRequestObservationConvention convention = new DefaultClientRequestObservationConvention("app.requests");
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebClientObservationAutoConfiguration.class))
			.withPropertyValues("openrouter.api-key=" + API_KEY)
			.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withBean(ClientRequestObservationConvention.class, () -> convention)
			.run((context) -> {
				MessagesClientBuilder builder = mock(MessagesClientBuilder.class);
				context.getBean("openRouterHttpClientObservationCustomizer", MessagesClientBuilderCustomizer.class)
					.customize(builder);
				then(builder).should().clientRequestObservationConvention(convention);
			});
	}

	/**
	 * Makes one call with an application observation registry and checks the client's own
	 * observation and the number of http.client.requests observations.
	 */
	private void assertObservedCall(ApplicationContextRunner runner, int httpClientObservations) {
		stubCreate();
		TestObservationRegistry observationRegistry = TestObservationRegistry.create();
		runner.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty())
			.withBean(ObservationRegistry.class, () -> observationRegistry)
			.run((context) -> {
				context.getBean(MessagesClient.class).create(request());
				TestObservationRegistryAssert.assertThat(observationRegistry)
					.hasObservationWithNameEqualTo(DefaultMessagesObservationConvention.DEFAULT_NAME)
					.that()
					.hasBeenStopped();
				TestObservationRegistryAssert.assertThat(observationRegistry)
					.hasNumberOfObservationsWithNameEqualTo("http.client.requests", httpClientObservations);
			});
	}

	@Test
	void shouldStartWithoutMicrometerCore() {
		stubCreate();
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty())
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MessagesClient.class);
				assertThat(context.getClassLoader().loadClass("io.micrometer.observation.ObservationRegistry"))
					.isNotNull();
				assertThat(catchThrowable(
						() -> context.getClassLoader().loadClass("io.micrometer.core.instrument.MeterRegistry")))
					.isInstanceOf(ClassNotFoundException.class);
				assertThat(context.getBean(MessagesClient.class).create(request()).id()).isEqualTo("msg_abc123");
			});
	}

	@Test
	void shouldFailWhenApiKeyIsMissing() {
		// An empty value hides an OPENROUTER_API_KEY that the build's environment may define.
		this.contextRunner.withPropertyValues("OPENROUTER_API_KEY=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(OpenRouterApiKeyException.class)
				.hasMessage("No OpenRouter API key found in the 'openrouter.api-key' property "
						+ "or the 'OPENROUTER_API_KEY' environment variable.");
			assertThat(new OpenRouterApiKeyFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
				.contains("openrouter.api-key")
				.contains("OPENROUTER_API_KEY");
		});
	}

	@Test
	void shouldFailWithoutShowingKeyWhenApiKeyIsMalformed() {
		this.contextRunner.withPropertyValues("openrouter.api-key=sk-or-v1-secret part").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(OpenRouterApiKeyException.class)
				.hasMessageContaining("'openrouter.api-key' property contains whitespace");
			assertThat(stackTraceOf(context.getStartupFailure())).doesNotContain("secret");
		});
	}

	@Test
	void shouldFailWhenConnectionDetailsProvideBlankKey() {
		this.contextRunner
			.withBean(OpenRouterConnectionDetails.class,
					() -> new FixedConnectionDetails("http://127.0.0.1:1/api/v1", " "))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(OpenRouterApiKeyException.class)
				.hasMessageContaining("OpenRouterConnectionDetails bean (" + FixedConnectionDetails.class.getName())
				.hasMessageContaining("is blank"));
	}

	@Test
	void shouldFailNamingThePropertyWhenValuesAreInvalid() {
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.fallback-models=a/1,b/2,c/3,d/4",
					"openrouter.timeouts.first-byte=-1s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("fallback-models")
					.hasMessageContaining("at most 3")
					.hasMessageContaining("timeouts.first-byte")
					.hasMessageContaining("must be positive");
				assertThat(stackTraceOf(context.getStartupFailure())).doesNotContain(API_KEY);
			});
	}

	@Test
	void shouldRefuseAnHttpBaseUrlForAHostOtherThanLoopbackUnlessAllowed() {
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.base-url=http://openrouter.example/api/v1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("http://openrouter.example")
					.hasMessageContaining("openrouter.http.allow-insecure-http");
				assertThat(stackTraceOf(context.getStartupFailure())).doesNotContain(API_KEY);
			});
		this.contextRunner.withBean(OpenRouterConnectionDetails.class,
				() -> new FixedConnectionDetails("http://openrouter.example/api/v1", "sk-or-v1-from-details"))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("openrouter.http.allow-insecure-http"));
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.base-url=http://openrouter.example/api/v1",
					"openrouter.http.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MessagesClient.class));
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.base-url=http://localhost:8080/api/v1")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MessagesClient.class));
	}

	@Test
	void shouldFailNamingThePropertyWhenEnumValueIsUnknown() {
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.provider.data-collection=maybe")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(stackTraceOf(context.getStartupFailure()))
					.contains("Failed to bind properties under 'openrouter.provider.data-collection'")
					.doesNotContain(API_KEY);
			});
	}

	@Test
	void shouldHideApiKeyFromActuatorEndpoints() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class))
			.withPropertyValues("openrouter.api-key=" + API_KEY, "OPENROUTER_API_KEY=sk-or-v1-variable-0123456789",
					"unrelated.copy-of-key=" + API_KEY, "openrouter.default-model=anthropic/claude-sonnet-4",
					"management.endpoints.web.exposure.include=env,configprops",
					"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always")
			.run((context) -> {
				JsonMapper mapper = JsonMapper.builder().build();
				String env = mapper.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				String configProps = mapper.writeValueAsString(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				String entry = mapper.writeValueAsString(
						context.getBean(EnvironmentEndpoint.class).environmentEntry("openrouter.api-key"));
				assertThat(env).contains("anthropic/claude-sonnet-4")
					.contains("******")
					.doesNotContain(API_KEY)
					.doesNotContain("sk-or-v1-variable");
				assertThat(configProps).contains("anthropic/claude-sonnet-4")
					.contains("******")
					.doesNotContain(API_KEY);
				assertThat(entry).contains("******").doesNotContain(API_KEY);
			});
	}

	@Test
	void shouldBackOffWhenUserDefinesSanitizingFunctionOfTheSameName() {
		SanitizingFunction custom = (data) -> data;
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY)
			.withBean("openRouterApiKeySanitizingFunction", SanitizingFunction.class, () -> custom)
			.withBean("otherSanitizingFunction", SanitizingFunction.class, () -> (data) -> data)
			.run((context) -> assertThat(context.getBean("openRouterApiKeySanitizingFunction")).isSameAs(custom));
	}

	@Test
	void shouldStartWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("openrouter.api-key=" + API_KEY)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MessagesClient.class)
				.doesNotHaveBean("openRouterApiKeySanitizingFunction"));
	}

	@Test
	void shouldKeepOwnSanitizingFunctionNextToOthers() {
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY)
			.withBean("otherSanitizingFunction", SanitizingFunction.class, () -> (data) -> data)
			.run((context) -> assertThat(context).getBeans(SanitizingFunction.class)
				.containsKeys("otherSanitizingFunction", "openRouterApiKeySanitizingFunction"));
	}

	@Test
	void shouldNotShowApiKeyInToStringOrCallExceptions() throws IOException {
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("fixtures/openrouter-spec/error-401.example.json"))));
		this.contextRunner.withPropertyValues("openrouter.api-key=" + API_KEY, baseUrlProperty()).run((context) -> {
			MessagesClient client = context.getBean(MessagesClient.class);
			assertThat(client.toString()).doesNotContain(API_KEY);
			assertThat(client.reactive().toString()).doesNotContain(API_KEY);
			assertThat(context.getBean(OpenRouterConnectionDetails.class).toString()).doesNotContain(API_KEY);
			assertThat(context.getBean(OpenRouterProperties.class).toString()).doesNotContain(API_KEY);
			Throwable failure = catchThrowable(() -> client.create(request()));
			assertThat(failure).isNotNull().hasMessageContaining("Invalid API key");
			assertThat(stackTraceOf(failure)).doesNotContain(API_KEY);
		});
	}

	@Test
	void shouldNotShowApiKeyInTransportExceptions() {
		this.contextRunner
			.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.base-url=http://127.0.0.1:1/api/v1",
					"openrouter.retry.max-attempts=1")
			.run((context) -> {
				Throwable failure = catchThrowable(() -> context.getBean(MessagesClient.class).create(request()));
				assertThat(failure).isNotNull();
				assertThat(stackTraceOf(failure)).doesNotContain(API_KEY);
			});
	}

	private static void stubCreate() {
		stubCreate("/api/v1/messages");
	}

	private static void stubCreate(String path) {
		try {
			wireMock.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("fixtures/openrouter-spec/response-200.example.json"))));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String fixture(String path) throws IOException {
		return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
	}

	private static String baseUrlProperty() {
		return "openrouter.base-url=" + wireMock.baseUrl() + "/api/v1";
	}

	private static MessageRequest request() {
		return MessageRequest.builder()
			.model("anthropic/claude-sonnet-4")
			.maxTokens(64)
			.addUserMessage("Hello")
			.build();
	}

	private static String stackTraceOf(Throwable failure) {
		java.io.StringWriter writer = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(writer));
		return writer.toString();
	}

	record FixedConnectionDetails(String baseUrl, String apiKey) implements OpenRouterConnectionDetails {

		@Override
		public String getBaseUrl() {
			return this.baseUrl;
		}

		@Override
		public String getApiKey() {
			return this.apiKey;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomReactiveClientConfiguration {

		@Bean
		ReactiveMessagesClient customReactiveMessagesClient() {
			return new ReactiveMessagesClient() {

				@Override
				public Mono<MessageResponse> create(MessageRequest request, RequestOptions options) {
					return Mono.empty();
				}

				@Override
				public Flux<StreamEvent> stream(MessageRequest request, RequestOptions options) {
					return Flux.empty();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomClientConfiguration {

		@Bean
		MessagesClient customMessagesClient(ReactiveMessagesClient reactive) {
			return new io.github.openrouter.spring.messages.client.internal.DefaultMessagesClient(reactive);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		MessagesClientBuilderCustomizer secondCustomizer() {
			return (builder) -> {
				this.calls.add("second");
				builder.defaultHeader("X-Customized-By", "second");
			};
		}

		@Bean
		@Order(1)
		MessagesClientBuilderCustomizer firstCustomizer() {
			return (builder) -> {
				this.calls.add("first");
				builder.defaultHeader("X-Customized-By", "first").defaultHeader("X-First", "yes");
			};
		}

	}

}
