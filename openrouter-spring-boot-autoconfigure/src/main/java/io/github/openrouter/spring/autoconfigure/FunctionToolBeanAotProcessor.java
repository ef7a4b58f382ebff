package io.github.openrouter.spring.autoconfigure;

import io.github.openrouter.spring.messages.tools.FunctionTool;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * Registers binding hints, at build time, for the input type of every {@link FunctionTool} bean
 * (the beans {@link OpenRouterToolsAutoConfiguration} offers the model): the tool's input is
 * read from JSON and described by a schema generated from the type. The input type is taken from
 * the bean's declared type, such as the return type {@code FunctionTool<CityInput>} of its
 * {@code @Bean} method; a bean declared as a raw or wildcard {@code FunctionTool} gets none.
 *
 * @author OpenRouter Spring contributors
 */
class FunctionToolBeanAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> inputType = registeredBean.getBeanType().as(FunctionTool.class).getGeneric(0).resolve();
		if (inputType == null) {
			return null;
		}
		return (generationContext, code) -> new BindingReflectionHintsRegistrar()
			.registerReflectionHints(generationContext.getRuntimeHints().reflection(), inputType);
	}

}
