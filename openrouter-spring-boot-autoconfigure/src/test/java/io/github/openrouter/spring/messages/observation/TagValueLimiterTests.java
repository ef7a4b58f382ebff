package io.github.openrouter.spring.messages.observation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TagValueLimiter}.
 */
class TagValueLimiterTests {

	@Test
	void shouldKeepTheFirstValuesOfEachKeyAndReplaceTheRest() {
		TagValueLimiter limiter = new TagValueLimiter(2);
		assertThat(limiter.limit("model", "a")).isEqualTo("a");
		assertThat(limiter.limit("model", "b")).isEqualTo("b");
		assertThat(limiter.limit("model", "c")).isEqualTo("_OTHER");
		assertThat(limiter.limit("model", "a")).isEqualTo("a");
		assertThat(limiter.limit("region", "c")).isEqualTo("c");
	}

	@Test
	void shouldPassOtherThroughWithoutTakingASlot() {
		TagValueLimiter limiter = new TagValueLimiter(1);
		assertThat(limiter.limit("model", "_OTHER")).isEqualTo("_OTHER");
		assertThat(limiter.limit("model", "a")).isEqualTo("a");
	}

	@Test
	void shouldRejectALimitBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TagValueLimiter(0))
			.withMessageContaining("maxTagValues")
			.withMessageContaining("0");
	}

}
