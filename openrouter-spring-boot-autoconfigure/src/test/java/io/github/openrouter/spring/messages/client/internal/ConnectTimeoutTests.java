package io.github.openrouter.spring.messages.client.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the connect timeout of {@link DefaultReactiveMessagesClient}'s own connector.
 */
class ConnectTimeoutTests {

	@Test
	void shouldTripConnectTimeoutWhenServerNeverAccepts() throws IOException {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		List<Socket> fillers = new ArrayList<>();
		// a listener that never accepts, with its backlog filled: further SYNs go unanswered
		try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
			for (int i = 0; i < 8; i++) {
				Socket filler = new Socket();
				try {
					filler.connect(new InetSocketAddress(loopback, server.getLocalPort()), 200);
					fillers.add(filler);
				}
				catch (IOException ex) {
					filler.close();
					break;
				}
			}
			MessagesClient client = MessagesClient.builder()
				.apiKey("sk-or-test")
				.baseUrl("http://127.0.0.1:" + server.getLocalPort() + "/api/v1")
				.retryPolicy(RetryPolicy.none())
				.timeouts(new ClientTimeouts(Duration.ofMillis(300), Duration.ofSeconds(20), Duration.ofSeconds(20),
						Duration.ofSeconds(30)))
				.build();
			MessageRequest request = MessageRequest.builder().model("m").addUserMessage("Hi").build();
			assertThatExceptionOfType(OpenRouterTimeoutException.class).isThrownBy(() -> client.create(request))
				.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.kind())
					.isEqualTo(OpenRouterTimeoutException.Kind.CONNECT));
		}
		finally {
			for (Socket filler : fillers) {
				filler.close();
			}
		}
	}

}
