package io.github.openrouter.spring.messages.observation;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the client and its observation work without {@code micrometer-core} on the class path.
 */
class ObservationWithoutMicrometerCoreTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void shouldObserveACallWithoutMicrometerCore() throws Exception {
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(ObservationFixtures.text(ObservationFixtures.SPEC_RESPONSE))));
		String servedModel = ObservationFixtures.tree(ObservationFixtures.SPEC_RESPONSE).get("model").asString();

		try (URLClassLoader loader = new URLClassLoader(classPathWithoutMicrometerCore(),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader));
			@SuppressWarnings("unchecked")
			Function<String, String> call = (Function<String, String>) loader
				.loadClass(IsolatedObservedCall.class.getName())
				.getConstructor()
				.newInstance();

			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(loader);
			String result;
			try {
				result = call.apply("http://127.0.0.1:" + wireMock.getPort() + "/api/v1");
			}
			finally {
				thread.setContextClassLoader(previous);
			}

			assertThat(result).isEqualTo("gen_ai.client.operation " + servedModel + " -> " + servedModel);
		}
	}

	private static URL[] classPathWithoutMicrometerCore() throws Exception {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!new File(entry).getName().startsWith("micrometer-core")) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		return urls.toArray(new URL[0]);
	}

}
