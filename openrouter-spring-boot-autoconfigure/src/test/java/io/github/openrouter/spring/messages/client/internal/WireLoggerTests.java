package io.github.openrouter.spring.messages.client.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WireLogger}.
 */
class WireLoggerTests {

	private static final String KEY = "custom-proxy-key-0123456789";

	@Test
	void shouldLeaveNoPartOfTheKeyWhenTheTruncationPointFallsInsideIt() {
		String body = "{\"echo\":\"" + KEY + "\"}";
		int cutInsideKey = body.indexOf(KEY) + 10;
		WireLogger logger = new WireLogger(true, cutInsideKey, KEY);
		String logged = logger.body(body.getBytes(StandardCharsets.UTF_8));
		assertThat(logged).doesNotContain(KEY.substring(0, 10)).contains("…(" + body.length() + " bytes)");
	}

	@Test
	void shouldMaskTheKeyInAShortBody() {
		WireLogger logger = new WireLogger(true, 4096, KEY);
		String logged = logger.body(("{\"k\":\"" + KEY + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThat(logged).doesNotContain(KEY).startsWith("{\"k\":\"");
	}

}
