package io.github.openrouter.spring.messages.model;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Usage}.
 */
class UsageTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldReplaceWithLaterValuesAndKeepTheRestWithoutSumming() {
		Usage start = this.mapper.readValue("{\"input_tokens\":12,\"output_tokens\":1,\"cache_read_input_tokens\":100,"
				+ "\"cache_creation_input_tokens\":5,\"service_tier\":\"standard\"}", Usage.class);
		Usage firstDelta = this.mapper.readValue("{\"output_tokens\":10,\"input_tokens\":null}", Usage.class);
		Usage secondDelta = this.mapper.readValue(
				"{\"output_tokens\":25,\"server_tool_use\":{\"web_search_requests\":2},\"cost\":0.5}", Usage.class);
		Usage merged = start.merge(firstDelta).merge(secondDelta);
		assertThat(merged.inputTokens()).isEqualTo(12);
		assertThat(merged.outputTokens()).isEqualTo(25);
		assertThat(merged.cacheReadInputTokens()).isEqualTo(100);
		assertThat(merged.cacheCreationInputTokens()).isEqualTo(5);
		assertThat(merged.serviceTier()).isEqualTo(ServiceTier.STANDARD);
		assertThat(merged.serverToolUse().webSearchRequests()).isEqualTo(2);
		assertThat(merged.cost()).isEqualByComparingTo(new BigDecimal("0.5"));
	}

	@Test
	void shouldReturnSameUsageWhenMergingNull() {
		Usage usage = Usage.of(1, 2);
		assertThat(usage.merge(null)).isSameAs(usage);
	}

	@Test
	void shouldAddCacheTokensToTotalInput() {
		Usage usage = this.mapper.readValue(
				"{\"input_tokens\":10,\"output_tokens\":1,\"cache_read_input_tokens\":100,\"cache_creation_input_tokens\":5}", Usage.class);
		assertThat(usage.totalInputTokens()).isEqualTo(115);
		assertThat(Usage.of(7, 0).totalInputTokens()).isEqualTo(7);
	}

	@Test
	void shouldKeepCostDigits() {
		Usage usage = this.mapper.readValue("{\"input_tokens\":1,\"output_tokens\":1,\"cost\":0.000012345}", Usage.class);
		assertThat(usage.cost()).isEqualByComparingTo("0.000012345");
	}

}
