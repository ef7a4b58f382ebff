package io.github.openrouter.spring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation on a test class that starts an {@link io.github.openrouter.spring.test.OpenRouterStub}
 * on a free port and points the auto-configured OpenRouter clients at it, through an
 * {@link io.github.openrouter.spring.autoconfigure.OpenRouterConnectionDetails} bean that takes the
 * place of the {@code openrouter.base-url} and {@code openrouter.api-key} properties (no key is
 * needed).
 *
 * <p>
 * The stub is a bean: inject it to script answers and to assert on the recorded requests. It is
 * {@link io.github.openrouter.spring.test.OpenRouterStub#reset() reset} after every test method
 * and closed with the application context. Define an {@code OpenRouterStub} bean of your own (for
 * example one {@link io.github.openrouter.spring.test.OpenRouterStub#start(io.github.openrouter.spring.test.StubAnswer)
 * started} with another default answer) and the client is pointed at that one instead.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureOpenRouterStub
 * class AssistantTests {
 *
 * 	&#64;Autowired
 * 	OpenRouterStub stub;
 *
 * 	&#64;Autowired
 * 	Assistant assistant;
 *
 * 	&#64;Test
 * 	void shouldAnswer() {
 * 		this.stub.enqueue(StubAnswer.text("Paris"));
 * 		assertThat(this.assistant.ask("Capital of France?")).isEqualTo("Paris");
 * 	}
 *
 * }
 * </pre>
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 * @see OpenRouterStubAutoConfiguration
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureOpenRouterStub {

}
