package io.github.openrouter.spring.messages.client.internal;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests that the builder, settings and clients never print the API key.
 */
class ClientToStringTests {

	private static final String API_KEY = "sk-or-v1-tostring-0123456789abcdef0123456789";

	@Test
	void toStringShouldNeverContainKey() {
		MessagesClientBuilder builder = MessagesClient.builder().apiKey(API_KEY).defaultModel("m");
		DefaultMessagesClient client = (DefaultMessagesClient) builder.build();
		DefaultReactiveMessagesClient reactive = (DefaultReactiveMessagesClient) client.reactive();
		try {
			assertThat(builder.toString()).doesNotContain(API_KEY).contains("[REDACTED]");
			assertThat(reactive.settings().toString()).doesNotContain(API_KEY).contains("[REDACTED]");
			assertThat(reactive.toString()).doesNotContain(API_KEY).contains("https://openrouter.ai/api/v1/messages");
			assertThat(client.toString()).doesNotContain(API_KEY);
		}
		finally {
			client.close();
		}
	}

	@Test
	void shouldRequireApiKey() {
		assertThatIllegalStateException().isThrownBy(() -> MessagesClient.builder().build())
			.withMessageContaining("API key");
		assertThatIllegalStateException().isThrownBy(() -> MessagesClient.builder().apiKey(" ").buildReactive())
			.withMessageContaining("API key");
	}

	@Test
	void builderShouldRefuseAuthorizationDefaultHeader() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MessagesClient.builder().defaultHeader("authorization", "Bearer x"))
			.withMessageContaining("apiKey");
	}

}
