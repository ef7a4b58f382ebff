package io.github.openrouter.spring.messages.tools;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that Spring's AOT processing of an application context finds the application's tools:
 * {@link OpenRouterTool} methods of beans and the input types of {@link FunctionTool} beans.
 *
 * @author OpenRouter Spring contributors
 */
class ToolAotHintsTests {

	private static final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	private final RuntimeHints hints = processAheadOfTime();

	@Test
	void shouldHintToolMethodsOfBeansForInvocation() throws NoSuchMethodException {
		Method forecast = WeatherTools.class.getMethod("forecast", City.class, int.class);
		assertThat(reflection.onMethodInvocation(forecast)).accepts(this.hints);
		assertThat(reflection.onMethodInvocation(WeatherTools.class.getMethod("notATool"))).rejects(this.hints);
	}

	@Test
	void shouldHintTheParameterAndReturnTypesOfToolMethodsForBinding() throws NoSuchMethodException {
		for (Class<?> type : List.of(City.class, Forecast.class, Day.class, ToolCatalog.Slot.class)) {
			assertBoundRecord(type);
		}
	}

	@Test
	void shouldHintTheInputTypeOfFunctionToolBeansForBinding() throws NoSuchMethodException {
		assertBoundRecord(CityInput.class);
	}

	private void assertBoundRecord(Class<?> type) throws NoSuchMethodException {
		assertThat(reflection.onType(type)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
			.as(type.getName())
			.accepts(this.hints);
		Method accessor = type.getRecordComponents()[0].getAccessor();
		assertThat(reflection.onMethodInvocation(accessor)).as(accessor.toString()).accepts(this.hints);
	}

	private static RuntimeHints processAheadOfTime() {
		GenericApplicationContext context = new GenericApplicationContext();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBean(WeatherTools.class);
		context.registerBean(FunctionToolConfiguration.class);
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(ToolAotHintsTests.class)), new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		return generation.getRuntimeHints();
	}

	record City(String name) {
	}

	record Day(String weather) {
	}

	record Forecast(List<Day> days) {
	}

	record CityInput(String city) {
	}

	public static class WeatherTools {

		@OpenRouterTool(description = "Weather forecast for a city")
		public Forecast forecast(City city, int days) {
			return new Forecast(List.of());
		}

		public String notATool() {
			return "";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FunctionToolConfiguration {

		@Bean
		FunctionTool<CityInput> weatherFunction() {
			return FunctionTool.of("weather", "Current weather in a city", CityInput.class, CityInput::city);
		}

	}

}
