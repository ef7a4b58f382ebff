package io.github.openrouter.spring.messages.model;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for the open enums {@link StopReason}, {@link Role}, {@link ServiceTier} and friends.
 */
class OpenEnumTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldReadKnownValueAsConstant() {
		assertThat(this.mapper.readValue("\"end_turn\"", StopReason.class)).isSameAs(StopReason.END_TURN);
		assertThat(StopReason.of("refusal")).isSameAs(StopReason.REFUSAL);
		assertThat(StopReason.PAUSE_TURN.isKnown()).isTrue();
	}

	@Test
	void shouldKeepUnknownValue() {
		StopReason reason = this.mapper.readValue("\"new_reason\"", StopReason.class);
		assertThat(reason.value()).isEqualTo("new_reason");
		assertThat(reason.isKnown()).isFalse();
		assertThat(this.mapper.writeValueAsString(reason)).isEqualTo("\"new_reason\"");
		assertThat(reason).isEqualTo(StopReason.of("new_reason"));
	}

	@Test
	void shouldWriteConstantsAsPlainStrings() {
		assertThat(this.mapper.writeValueAsString(Role.USER)).isEqualTo("\"user\"");
		assertThat(this.mapper.writeValueAsString(Speed.FAST)).isEqualTo("\"fast\"");
		assertThat(this.mapper.writeValueAsString(ServiceTier.PRIORITY)).isEqualTo("\"priority\"");
		assertThat(this.mapper.writeValueAsString(Effort.XHIGH)).isEqualTo("\"xhigh\"");
		assertThat(this.mapper.writeValueAsString(RoutingStrategy.BODYBUILDER)).isEqualTo("\"bodybuilder\"");
		assertThat(this.mapper.writeValueAsString(PipelineStageType.SERVER_TOOLS)).isEqualTo("\"server_tools\"");
		assertThat(this.mapper.writeValueAsString(RefusalCategory.FRONTIER_LLM)).isEqualTo("\"frontier_llm\"");
		assertThat(StopReason.MODEL_CONTEXT_WINDOW_EXCEEDED).hasToString("model_context_window_exceeded");
	}

	@Test
	void shouldRejectNull() {
		assertThatNullPointerException().isThrownBy(() -> new StopReason(null)).withMessage("value");
	}

}
