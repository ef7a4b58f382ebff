package io.github.openrouter.spring.messages.model.internal;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JsonTokenId;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PropertyNameReplayParser}.
 */
class PropertyNameReplayParserTests {

	private static final String JSON = "{\"type\":\"text\",\"a\":[1,2],\"b\":{\"c\":true}}";

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldStandOnTheReplayedPropertyName() {
		try (JsonParser live = onFirstValue()) {
			JsonParser replay = new PropertyNameReplayParser(live, "type");
			assertThat(replay.currentToken()).isEqualTo(JsonToken.PROPERTY_NAME);
			assertThat(replay.currentTokenId()).isEqualTo(JsonTokenId.ID_PROPERTY_NAME);
			assertThat(replay.hasCurrentToken()).isTrue();
			assertThat(replay.hasToken(JsonToken.PROPERTY_NAME)).isTrue();
			assertThat(replay.hasToken(JsonToken.VALUE_STRING)).isFalse();
			assertThat(replay.hasTokenId(JsonTokenId.ID_PROPERTY_NAME)).isTrue();
			assertThat(replay.isExpectedStartObjectToken()).isFalse();
			assertThat(replay.isExpectedStartArrayToken()).isFalse();
			assertThat(replay.currentName()).isEqualTo("type");
			assertThat(replay.getString()).isEqualTo("type");
			assertThat(replay.getValueAsString()).isEqualTo("type");
			assertThat(replay.getValueAsString("x")).isEqualTo("type");
			assertThat(new String(replay.getStringCharacters(), replay.getStringOffset(), replay.getStringLength())).isEqualTo("type");
			StringWriter writer = new StringWriter();
			assertThat(replay.getString(writer)).isEqualTo(4);
			assertThat(writer).hasToString("type");
			assertThat(replay.skipChildren()).isSameAs(replay);
			assertThat(replay.currentToken()).isEqualTo(JsonToken.PROPERTY_NAME);
		}
	}

	@Test
	void shouldContinueWithTheLiveParserAfterTheName() {
		try (JsonParser live = onFirstValue()) {
			JsonParser replay = new PropertyNameReplayParser(live, "type");
			assertThat(replay.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
			assertThat(replay.getString()).isEqualTo("text");
			assertThat(replay.currentName()).isEqualTo("type");
			assertThat(replay.nextName()).isEqualTo("a");
			assertThat(replay.nextToken()).isEqualTo(JsonToken.START_ARRAY);
			assertThat(replay.isExpectedStartArrayToken()).isTrue();
			replay.skipChildren();
			assertThat(replay.currentToken()).isEqualTo(JsonToken.END_ARRAY);
			assertThat(replay.nextName(new SerializedString("b"))).isTrue();
			assertThat(replay.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			replay.skipChildren();
			assertThat(replay.nextToken()).isEqualTo(JsonToken.END_OBJECT);
			assertThat(live.currentToken()).isEqualTo(JsonToken.END_OBJECT);
		}
	}

	@Test
	void shouldReArmAReplayParserThatPassedItsNameRatherThanWrapIt() {
		String json = "{\"type\":\"outer\",\"inner\":{\"kind\":\"x\",\"v\":1}}";
		try (JsonParser live = this.mapper.createParser(json)) {
			live.nextToken();
			live.nextToken();
			live.nextToken();
			JsonParser outer = PropertyNameReplayParser.replaying(live, "type");
			assertThat(outer).isInstanceOf(PropertyNameReplayParser.class);
			assertThat(PropertyNameReplayParser.replaying(outer, "kind")).as("still on its name").isNotSameAs(outer);
			assertThat(outer.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
			assertThat(outer.nextName()).isEqualTo("inner");
			assertThat(outer.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			assertThat(outer.nextName()).isEqualTo("kind");
			assertThat(outer.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
			JsonParser inner = PropertyNameReplayParser.replaying(outer, "kind");
			assertThat(inner).isSameAs(outer);
			assertThat(inner.currentToken()).isEqualTo(JsonToken.PROPERTY_NAME);
			assertThat(inner.currentName()).isEqualTo("kind");
			assertThat(inner.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
			assertThat(inner.getString()).isEqualTo("x");
			assertThat(inner.nextName()).isEqualTo("v");
			assertThat(inner.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
			assertThat(inner.nextToken()).isEqualTo(JsonToken.END_OBJECT);
			assertThat(outer.nextToken()).isEqualTo(JsonToken.END_OBJECT);
			assertThat(live.currentToken()).isEqualTo(JsonToken.END_OBJECT);
		}
	}

	@Test
	void shouldStepFromTheNameToTheValueLikeAParser() {
		try (JsonParser live = onFirstValue()) {
			assertThat(new PropertyNameReplayParser(live, "type").nextName()).isNull();
			assertThat(live.currentToken()).isEqualTo(JsonToken.VALUE_STRING);
		}
		try (JsonParser live = onFirstValue()) {
			assertThat(new PropertyNameReplayParser(live, "type").nextName(new SerializedString("a"))).isFalse();
			assertThat(live.currentToken()).isEqualTo(JsonToken.VALUE_STRING);
		}
		try (JsonParser live = onFirstValue()) {
			JsonParser replay = new PropertyNameReplayParser(live, "type");
			PropertyNameMatcher matcher = this.mapper.tokenStreamFactory()
				.constructNameMatcher(List.of(Named.fromString("type"), Named.fromString("a")), true);
			assertThat(replay.currentNameMatch(matcher)).isZero();
			assertThat(replay.nextNameMatch(matcher)).isEqualTo(PropertyNameMatcher.MATCH_ODD_TOKEN);
			assertThat(replay.nextNameMatch(matcher)).isEqualTo(1);
		}
		try (JsonParser live = onFirstValue()) {
			JsonParser replay = new PropertyNameReplayParser(live, "type");
			assertThat(replay.nextValue()).isEqualTo(JsonToken.VALUE_STRING);
			assertThat(replay.nextValue()).isEqualTo(JsonToken.START_ARRAY);
			assertThat(replay.currentName()).isEqualTo("a");
		}
	}

	@Test
	void shouldReadTheWholeObjectAsATree() {
		try (JsonParser live = onFirstValue()) {
			JsonNode tree = this.mapper.readTree(new PropertyNameReplayParser(live, "type"));
			assertThat(this.mapper.writeValueAsString(tree)).isEqualTo(JSON);
			assertThat(live.nextToken()).isNull();
		}
	}

	@Test
	void shouldLeaveTheLiveParserOpenWhenClosed() {
		try (JsonParser live = onFirstValue()) {
			new PropertyNameReplayParser(live, "type").close();
			assertThat(live.isClosed()).isFalse();
			assertThat(live.getString()).isEqualTo("text");
		}
	}

	private JsonParser onFirstValue() {
		JsonParser live = this.mapper.createParser(JSON);
		assertThat(live.nextToken()).isEqualTo(JsonToken.START_OBJECT);
		assertThat(live.nextName()).isEqualTo("type");
		assertThat(live.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
		return live;
	}

}
