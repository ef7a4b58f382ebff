package io.github.openrouter.spring.test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterStubRuntimeHints}: every record of the stub that Jackson writes (its
 * accessors carry {@code @JsonProperty}) is hinted, found by scanning the stub's main classes.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterStubRuntimeHintsTests {

	@Test
	void shouldBeRegisteredInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(OpenRouterStubRuntimeHints.class);
	}

	@Test
	void shouldHintEveryRecordTheStubWritesAsJson() {
		RuntimeHints hints = new RuntimeHints();
		new OpenRouterStubRuntimeHints().registerHints(hints, getClass().getClassLoader());
		List<Class<?>> written = stubRecords().stream().filter(OpenRouterStubRuntimeHintsTests::writtenAsJson).toList();
		assertThat(written).as("the scan").contains(StubWireFormat.ErrorEnvelope.class, StubWireFormat.GenericError.class);
		for (Class<?> type : written) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
				.as(type.getName())
				.accepts(hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(component.getAccessor().toString())
					.accepts(hints);
			}
		}
	}

	private static boolean writtenAsJson(Class<?> record) {
		return Arrays.stream(record.getRecordComponents())
			.anyMatch((component) -> component.getAccessor().isAnnotationPresent(JsonProperty.class));
	}

	private static List<Class<?>> stubRecords() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		scanner.addIncludeFilter((reader, factory) -> !reader.getClassMetadata().getClassName().endsWith("package-info"));
		Object mainClasses = OpenRouterStub.class.getProtectionDomain().getCodeSource().getLocation();
		return scanner.findCandidateComponents(OpenRouterStub.class.getPackageName())
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.map(Objects::requireNonNull)
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, OpenRouterStubRuntimeHintsTests.class.getClassLoader()))
			.filter((type) -> type.isRecord() && mainClasses.equals(type.getProtectionDomain().getCodeSource().getLocation()))
			.toList();
	}

}
