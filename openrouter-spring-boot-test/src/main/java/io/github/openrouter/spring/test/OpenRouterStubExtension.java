package io.github.openrouter.spring.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that gives a test class an {@link OpenRouterStub}: started on a free
 * port before the first test that asks for it, {@link OpenRouterStub#reset() reset} after every
 * test and closed after the class.
 *
 * <p>
 * Register it with {@code @ExtendWith} and ask for the stub as a parameter of a test, a lifecycle
 * method or the constructor:
 * <pre class="code">
 * &#64;ExtendWith(OpenRouterStubExtension.class)
 * class WeatherServiceTests {
 *
 * 	&#64;Test
 * 	void shouldAskForTheWeather(OpenRouterStub stub) {
 * 		stub.enqueue(StubAnswer.text("Sunny"));
 * 		MessagesClient client = MessagesClient.builder().baseUrl(stub.baseUrl()).apiKey(stub.apiKey()).build();
 * 		// ...
 * 	}
 *
 * }
 * </pre>
 * In a {@code @SpringBootTest}, use
 * {@link io.github.openrouter.spring.test.autoconfigure.AutoConfigureOpenRouterStub} instead.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
public class OpenRouterStubExtension implements ParameterResolver, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(OpenRouterStubExtension.class);

	/**
	 * Creates the extension; JUnit does, through {@code @ExtendWith}.
	 */
	public OpenRouterStubExtension() {
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == OpenRouterStub.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return stub(extensionContext);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		OpenRouterStub stub = classStore(context).get(OpenRouterStub.class, OpenRouterStub.class);
		if (stub != null) {
			stub.reset();
		}
	}

	/**
	 * Returns the stub of the test class, starting it on first use. The class-level store closes
	 * it after the class, since {@link OpenRouterStub} is {@link AutoCloseable}.
	 */
	private static OpenRouterStub stub(ExtensionContext context) {
		return classStore(context).computeIfAbsent(OpenRouterStub.class, (key) -> OpenRouterStub.start(),
				OpenRouterStub.class);
	}

	private static ExtensionContext.Store classStore(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext.getStore(NAMESPACE);
	}

}
