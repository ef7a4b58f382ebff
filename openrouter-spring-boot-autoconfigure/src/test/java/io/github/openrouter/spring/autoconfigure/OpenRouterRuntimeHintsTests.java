package io.github.openrouter.spring.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.openrouter.spring.account.KeyInfo;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.routing.DataCollection;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterRuntimeHints}. The model and account types are found by scanning
 * their packages in the main classes, so a type added without a hint fails here.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterRuntimeHintsTests {

	private static final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	private final RuntimeHints hints = hints();

	@Test
	void shouldBeRegisteredInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(OpenRouterRuntimeHints.class);
	}

	@Test
	void shouldHintEveryRecordAndEnumOfTheModelAndTheAccountForBinding() {
		List<Class<?>> types = mainClassesUnder(MessageRequest.class, KeyInfo.class);
		assertThat(types).as("the scan").contains(TextBlock.class, TextDelta.class, StopReason.class,
				DataCollection.class, KeyInfo.class);
		List<String> missing = new ArrayList<>();
		for (Class<?> type : types) {
			if (type.isRecord()) {
				check(missing, type + " constructors and fields", reflection.onType(type)
					.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS));
				for (RecordComponent component : type.getRecordComponents()) {
					check(missing, component.getAccessor().toString(), reflection.onMethodInvocation(component.getAccessor()));
				}
			}
			else if (type.isEnum()) {
				check(missing, type + " fields", reflection.onType(type).withMemberCategory(MemberCategory.ACCESS_DECLARED_FIELDS));
			}
		}
		assertThat(missing).as("hints missing").isEmpty();
	}

	@Test
	void shouldHintEverySealedUnionAndTheDeserializerItsJsonDeserializeNames() {
		List<Class<?>> unions = mainClassesUnder(MessageRequest.class).stream()
			.filter((type) -> type.isInterface() && type.isSealed())
			.toList();
		assertThat(unions).as("the scan").contains(ContentBlock.class);
		List<String> missing = new ArrayList<>();
		for (Class<?> union : unions) {
			check(missing, union.toString(), reflection.onType(union));
		}
		for (Class<?> type : mainClassesUnder(MessageRequest.class)) {
			JsonDeserialize annotation = type.getAnnotation(JsonDeserialize.class);
			if (annotation != null && annotation.using() != ValueDeserializer.None.class) {
				check(missing, annotation.using() + " named by " + type,
						reflection.onType(annotation.using()).withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS));
			}
		}
		assertThat(missing).as("hints missing").isEmpty();
	}

	@Test
	void shouldHintTheFactoryMethodsOfOpenEnums() {
		List<Method> creators = mainClassesUnder(MessageRequest.class, KeyInfo.class).stream()
			.flatMap((type) -> Arrays.stream(type.getDeclaredMethods()))
			.filter((method) -> Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(JsonCreator.class))
			.toList();
		assertThat(creators).as("the scan").extracting(Method::getDeclaringClass).contains(StopReason.class);
		assertThat(creators).allSatisfy((creator) -> assertThat(reflection.onMethodInvocation(creator))
			.as(creator.toString())
			.accepts(this.hints));
	}

	@Test
	void shouldHintTheProviderPropertiesThatAreWrittenAsJsonAndValidatedByComponent() {
		for (Class<?> type : List.of(OpenRouterProperties.Provider.class, OpenRouterProperties.Latency.class,
				OpenRouterProperties.Throughput.class, OpenRouterProperties.MaxPrice.class)) {
			assertThat(reflection.onType(type).withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
				.as(type.getName())
				.accepts(this.hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(reflection.onMethodInvocation(component.getAccessor())).as(component.toString())
					.accepts(this.hints);
			}
		}
	}

	@Test
	void shouldHintTheSchemaValidatorThatIsLookedUpByName() {
		assertThat(reflection.onType(TypeReference.of("com.networknt.schema.SchemaRegistry"))).accepts(this.hints);
	}

	private void check(List<String> missing, String what, java.util.function.Predicate<RuntimeHints> predicate) {
		if (!predicate.test(this.hints)) {
			missing.add(what);
		}
	}

	private static RuntimeHints hints() {
		RuntimeHints hints = new RuntimeHints();
		// every registrar of aot.factories, as AOT processing applies them (the account's own among them)
		AotServices.factories().load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, OpenRouterRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

	/**
	 * Returns the classes, nested ones included, in the packages of the given classes and below,
	 * from the main classes only (the tests share these packages).
	 */
	private static List<Class<?>> mainClassesUnder(Class<?>... anchors) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		scanner.addIncludeFilter((reader, factory) -> !reader.getClassMetadata().getClassName().endsWith("package-info"));
		URL mainClasses = location(MessageRequest.class);
		return Arrays.stream(anchors)
			.flatMap((anchor) -> scanner.findCandidateComponents(anchor.getPackageName()).stream())
			.map(BeanDefinition::getBeanClassName)
			.map(Objects::requireNonNull)
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, OpenRouterRuntimeHintsTests.class.getClassLoader()))
			.filter((type) -> mainClasses.equals(location(type)))
			.distinct()
			.toList();
	}

	private static URL location(Class<?> type) {
		return type.getProtectionDomain().getCodeSource().getLocation();
	}

}
