package io.github.openrouter.spring.sample.demo;

import java.util.ArrayList;
import java.util.List;

import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStopEvent;
import io.github.openrouter.spring.messages.model.stream.InputJsonDelta;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.PingEvent;
import io.github.openrouter.spring.messages.model.stream.SignatureDelta;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.model.stream.ThinkingDelta;
import io.github.openrouter.spring.messages.model.stream.UnknownStreamEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that what {@link DemoWireFormat} writes parses with the starter's model, using a plain
 * {@link JsonMapper} as the client does.
 */
class DemoWireFormatModelTests {

	private static final String ALL_FEATURES = """
			{"model":"anthropic/claude-sonnet-4","max_tokens":500,"thinking":{"type":"enabled","budget_tokens":1024},
			 "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
			 "messages":[{"role":"user","content":"Weather in Oslo?"}]}""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final DemoWireFormat wireFormat = new DemoWireFormat(this.mapper);

	private final DemoReplies replies = new DemoReplies();

	@Test
	void shouldParseJsonBodyAsMessageResponse() {
		DemoReply reply = this.replies.reply(this.mapper.readTree(ALL_FEATURES));

		MessageResponse response = this.mapper.readValue(this.wireFormat.json(reply, true), MessageResponse.class);

		assertThat(response.id()).isEqualTo(reply.id());
		assertThat(response.model()).isEqualTo("anthropic/claude-sonnet-4");
		assertThat(response.provider()).isEqualTo("Anthropic");
		assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(response.content()).hasSize(3);
		assertThat(response.content().get(0)).isInstanceOf(ThinkingBlock.class);
		assertThat(response.content().get(1)).isInstanceOf(TextBlock.class);
		assertThat(response.content().get(2)).isInstanceOfSatisfying(ToolUseBlock.class, (toolUse) -> {
			assertThat(toolUse.name()).isEqualTo("get_weather");
			assertThat(toolUse.input().path("city").asString()).isEqualTo("Weather in Oslo?");
		});
		assertThat(response.text()).isEqualTo(reply.text());
		assertThat(response.usage().inputTokens()).isEqualTo(reply.inputTokens());
		assertThat(response.usage().outputTokens()).isEqualTo(reply.outputTokens());
		assertThat(response.usage().outputTokensDetails().thinkingTokens()).isEqualTo(reply.thinkingTokens());
		assertThat(response.usage().cost()).isEqualByComparingTo(reply.cost());
		assertThat(response.usage().isByok()).isFalse();
		OpenRouterMetadata metadata = response.openrouterMetadata();
		assertThat(metadata.requested()).isEqualTo("anthropic/claude-sonnet-4");
		assertThat(metadata.strategy().value()).isEqualTo("direct");
		assertThat(metadata.attempt()).isEqualTo(1);
		assertThat(metadata.endpoints().available()).singleElement()
			.satisfies((endpoint) -> assertThat(endpoint.selected()).isTrue());
	}

	@Test
	void shouldParseEveryStreamFrameAsAKnownStreamEvent() {
		DemoReply reply = this.replies.reply(this.mapper.readTree(ALL_FEATURES));

		List<StreamEvent> events = new ArrayList<>();
		for (String[] event : DemoOpenRouterServerTests.events(String.join("", this.wireFormat.sseFrames(reply, true)))) {
			events.add(this.mapper.readValue(event[1], StreamEvent.class));
		}

		assertThat(events).noneMatch(UnknownStreamEvent.class::isInstance);
		assertThat(events.get(0)).isInstanceOfSatisfying(MessageStartEvent.class, (start) -> {
			assertThat(start.message().provider()).isEqualTo("Anthropic");
			assertThat(start.message().usage().inputTokens()).isEqualTo(reply.inputTokens());
		});
		assertThat(events.get(1)).isInstanceOf(PingEvent.class);
		assertThat(events).filteredOn(ContentBlockStartEvent.class::isInstance).hasSize(3);
		assertThat(events).filteredOn(ContentBlockStopEvent.class::isInstance).hasSize(3);
		List<Class<?>> deltaTypes = events.stream()
			.filter(ContentBlockDeltaEvent.class::isInstance)
			.<Class<?>>map((event) -> ((ContentBlockDeltaEvent) event).delta().getClass())
			.distinct()
			.toList();
		assertThat(deltaTypes).containsExactly(ThinkingDelta.class, SignatureDelta.class, TextDelta.class,
				InputJsonDelta.class);
		assertThat(events.get(events.size() - 2)).isInstanceOfSatisfying(MessageDeltaEvent.class, (delta) -> {
			assertThat(delta.delta().stopReason()).isEqualTo(StopReason.TOOL_USE);
			assertThat(delta.usage().outputTokens()).isEqualTo(reply.outputTokens());
			assertThat(delta.usage().cost()).isEqualByComparingTo(reply.cost());
		});
		assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(MessageStopEvent.class,
				(stop) -> assertThat(stop.openrouterMetadata().summary()).isEqualTo("available=1, selected=Anthropic"));
	}

}
