package io.github.openrouter.spring.test.autoconfigure;

import io.github.openrouter.spring.test.OpenRouterStub;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * {@link TestExecutionListener} that {@link OpenRouterStub#reset() resets} the
 * {@link OpenRouterStub} beans of a test's application context after each test method, so that
 * answers scripted and requests recorded by one test do not leak into the next one that shares the
 * cached context. Registered through {@code META-INF/spring.factories}.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
public class OpenRouterStubResetTestExecutionListener implements TestExecutionListener, Ordered {

	/**
	 * Creates the listener; Spring's test context framework does.
	 */
	public OpenRouterStubResetTestExecutionListener() {
	}

	/**
	 * Runs late, after the listeners that use the stub's state.
	 * @return the order
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(OpenRouterStub.class).forEach(OpenRouterStub::reset);
		}
	}

}
