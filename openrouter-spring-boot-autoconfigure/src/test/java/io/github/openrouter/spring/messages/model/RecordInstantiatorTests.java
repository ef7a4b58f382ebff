package io.github.openrouter.spring.messages.model;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.annotation.JsonValueInstantiator;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link RecordInstantiator}.
 */
class RecordInstantiatorTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	/** A mapper that ignores {@code @JsonValueInstantiator}, so Jackson creates records its own way. */
	private final JsonMapper standardMapper = JsonMapper.builder()
		.annotationIntrospector(new JacksonAnnotationIntrospector() {

			@Override
			public Object findValueInstantiator(MapperConfig<?> config, AnnotatedClass ac) {
				return null;
			}

		})
		.build();

	@Test
	void shouldBeOnEveryModelRecordThatJacksonCreatesFromProperties() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getSuperClassName() != null
				&& reader.getClassMetadata().getSuperClassName().equals(Record.class.getName()));
		List<Class<?>> records = scanner.findCandidateComponents(RecordInstantiator.class.getPackageName())
			.stream()
			.<Class<?>>map((definition) -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
			.filter((type) -> type.getEnclosingClass() == null && hasProperties(type))
			.toList();
		assertThat(records).hasSizeGreaterThan(100).allSatisfy((type) -> assertThat(type.getAnnotation(JsonValueInstantiator.class))
			.as(type.getName())
			.isNotNull()
			.extracting(JsonValueInstantiator::value)
			.isEqualTo(RecordInstantiator.class));
	}

	private static boolean hasProperties(Class<?> type) {
		return Arrays.stream(type.getRecordComponents()).anyMatch((component) -> component.getAccessor().isAnnotationPresent(JsonProperty.class));
	}

	@ParameterizedTest
	@MethodSource("io.github.openrouter.spring.messages.model.ModelFixtureCorpus#fixtures")
	void shouldCreateTheSameRecordsAsJackson(String name, Class<?> type, String json) {
		assertThat(this.mapper.readValue(json, type)).as(name).isEqualTo(this.standardMapper.readValue(json, type));
	}

	@Test
	void shouldCreateRecordsWithPrimitiveAndMissingComponentsLikeJackson() {
		String json = "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"text_delta\"}}";
		StreamEvent event = this.mapper.readValue(json, StreamEvent.class);
		assertThat(event).isEqualTo(this.standardMapper.readValue(json, StreamEvent.class));
		String missingIndex = "{\"type\":\"content_block_stop\"}";
		JacksonException ours = catchThrowableOfType(JacksonException.class, () -> this.mapper.readValue(missingIndex, StreamEvent.class));
		JacksonException standard = catchThrowableOfType(JacksonException.class,
				() -> this.standardMapper.readValue(missingIndex, StreamEvent.class));
		assertThat(ours).isNotNull().hasMessage(standard.getMessage());
	}

	@Test
	void shouldReportConstructorFailuresLikeJackson() {
		String json = "{\"id\":\"m\",\"content\":[null]}";
		JacksonException ours = catchThrowableOfType(JacksonException.class, () -> this.mapper.readValue(json, MessageResponse.class));
		JacksonException standard = catchThrowableOfType(JacksonException.class,
				() -> this.standardMapper.readValue(json, MessageResponse.class));
		assertThat(ours).isNotNull();
		assertThat(ours.getClass()).isEqualTo(standard.getClass());
		assertThat(ours.getMessage()).isEqualTo(standard.getMessage());
		assertThat(ours.getCause()).isInstanceOf(NullPointerException.class);
	}

}
