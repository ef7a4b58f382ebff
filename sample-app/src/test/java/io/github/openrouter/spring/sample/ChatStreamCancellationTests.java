package io.github.openrouter.spring.sample;

import java.time.Duration;

import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.RecordedRequest;
import io.github.openrouter.spring.test.StubAnswer;
import io.github.openrouter.spring.test.autoconfigure.AutoConfigureOpenRouterStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link ChatController#stream} cancels the upstream call when the browser goes away
 * mid-stream, so that OpenRouter stops generating (and billing) the answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.demo-mode=never")
@AutoConfigureOpenRouterStub
class ChatStreamCancellationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private OpenRouterStub stub;

	@Test
	void shouldCloseTheUpstreamStreamWhenTheBrowserDisconnects() {
		// the upstream sends one text delta, then nothing more, and would keep the stream open
		this.stub.enqueue(StubAnswer.text("one two three four five six").stallAfter(4));

		ServerSentEvent<String> first = new SampleAppHttp(this.port).webClient()
			.get()
			.uri((uri) -> uri.path("/chat/stream").queryParam("message", "Hello").build())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.blockFirst(WAIT); // takes the first event, then cancels: the browser goes away

		assertThat(first.event()).isEqualTo("delta");
		assertThat(first.data()).contains("one two three");
		RecordedRequest upstream = this.stub.lastRequest();
		assertThat(upstream.streaming()).isTrue();
		assertThat(upstream.awaitOutcome(WAIT)).isEqualTo(RecordedRequest.Outcome.CLOSED_BY_CLIENT);
		assertThat(this.stub.inFlight()).isZero();
	}

}
