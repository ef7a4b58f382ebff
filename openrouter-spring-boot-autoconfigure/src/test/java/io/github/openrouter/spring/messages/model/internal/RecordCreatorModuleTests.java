package io.github.openrouter.spring.messages.model.internal;

import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link RecordCreatorModule}.
 */
class RecordCreatorModuleTests {

	private final JsonMapper mapper = JsonMapper.builder().addModule(new RecordCreatorModule()).build();

	private final JsonMapper standardMapper = JsonMapper.builder().build();

	@ParameterizedTest
	@MethodSource("io.github.openrouter.spring.messages.model.ModelFixtureCorpus#fixtures")
	void shouldCreateTheSameRecordsAsJackson(String name, Class<?> type, String json) {
		assertThat(this.mapper.readValue(json, type)).as(name).isEqualTo(this.standardMapper.readValue(json, type));
	}

	@Test
	void shouldCreateRecordsWithPrimitiveAndMissingComponentsLikeJackson() {
		String json = "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"text_delta\",\"text\":null}}";
		StreamEvent event = this.mapper.readValue(json, StreamEvent.class);
		assertThat(event).isEqualTo(this.standardMapper.readValue(json, StreamEvent.class));
		String missingIndex = "{\"type\":\"content_block_stop\"}";
		JacksonException ours = catchThrowableOfType(JacksonException.class,
				() -> this.mapper.readValue(missingIndex, StreamEvent.class));
		JacksonException standard = catchThrowableOfType(JacksonException.class,
				() -> this.standardMapper.readValue(missingIndex, StreamEvent.class));
		assertThat(ours).isNotNull().hasMessage(standard.getMessage());
	}

	@Test
	void shouldReportConstructorFailuresLikeJackson() {
		String json = "{\"id\":\"m\",\"content\":[null]}";
		JacksonException ours = catchThrowableOfType(JacksonException.class,
				() -> this.mapper.readValue(json, MessageResponse.class));
		JacksonException standard = catchThrowableOfType(JacksonException.class,
				() -> this.standardMapper.readValue(json, MessageResponse.class));
		assertThat(ours).isNotNull();
		assertThat(ours.getClass()).isEqualTo(standard.getClass());
		assertThat(ours.getMessage()).isEqualTo(standard.getMessage());
		assertThat(ours.getCause()).isInstanceOf(NullPointerException.class);
	}

}
