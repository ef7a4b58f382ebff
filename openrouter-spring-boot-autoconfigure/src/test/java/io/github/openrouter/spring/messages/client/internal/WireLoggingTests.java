package io.github.openrouter.spring.messages.client.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.AuthenticationException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the wire logging of {@link DefaultReactiveMessagesClient}.
 */
class WireLoggingTests {

	private static final String API_KEY = "sk-or-v1-wirelog-0123456789abcdef0123456789";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> appender = new FormattingListAppender();

	private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

	@BeforeEach
	void captureClientSideAtTrace() {
		// everything on the client side of the wire: this library, Spring, Reactor, Netty
		for (String name : List.of("io.github.openrouter", "org.springframework", "reactor", "io.netty")) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.previousLevels.put(logger, logger.getLevel());
			logger.setLevel(Level.TRACE);
		}
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	@AfterEach
	void restore() {
		this.root.detachAppender(this.appender);
		this.previousLevels.forEach(Logger::setLevel);
	}

	private MessagesClient client(boolean wireLogging) {
		return MessagesClient.builder()
			.apiKey(API_KEY)
			.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/api/v1")
			.retryPolicy(RetryPolicy.none())
			.wireLogging(wireLogging, 40)
			.build();
	}

	@Test
	void shouldLogExchangeWithoutKeyEvenAtTrace() {
		wireMock.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"Invalid key "
					+ API_KEY + "\"},\"request_id\":null}")));
		MessageRequest request = MessageRequest.builder()
			.model("m")
			.addUserMessage("my key is " + API_KEY + " and a long tail of text to truncate")
			.build();
		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client(true).create(request));
		List<String> wire = messages(WireLogger.LOGGER_NAME);
		assertThat(wire).anySatisfy((line) -> assertThat(line).startsWith("--> POST http://127.0.0.1:")
			.contains("Authorization=[REDACTED]"));
		assertThat(wire).anySatisfy((line) -> assertThat(line).startsWith("<-- 401 after "));
		assertThat(wire).anySatisfy((line) -> assertThat(line).contains("bytes)"));
		assertThat(events()).isNotEmpty()
			.allSatisfy((event) -> assertThat(render(event)).doesNotContain(API_KEY));
	}

	@Test
	void shouldNotLogWireWhenDisabled() {
		wireMock.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}")));
		client(false).create(MessageRequest.builder().model("m").addUserMessage("Hi").build());
		assertThat(messages(WireLogger.LOGGER_NAME)).isEmpty();
		assertThat(events()).allSatisfy((event) -> assertThat(render(event)).doesNotContain(API_KEY));
	}

	private List<ILoggingEvent> events() {
		// other threads (Netty, WireMock) keep logging: copy under the appender's lock
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	private List<String> messages(String loggerName) {
		return events().stream()
			.filter((event) -> event.getLoggerName().equals(loggerName))
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	private static String render(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getFormattedMessage());
		if (event.getThrowableProxy() != null) {
			text.append(' ').append(event.getThrowableProxy().getMessage());
		}
		return text.toString();
	}

	/**
	 * A list appender that formats each event on the thread that logs it. Logback formats
	 * lazily; formatting later, on the test thread, would read log arguments (headers, buffers)
	 * that a Netty thread may still be changing.
	 */
	private static final class FormattingListAppender extends ListAppender<ILoggingEvent> {

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			super.append(event);
		}

	}

}
