package io.github.openrouter.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sample application: chat endpoints backed by the injected {@code MessagesClient}.
 *
 * <p>
 * Without an API key it runs in demo mode against an embedded stub (see
 * {@link io.github.openrouter.spring.sample.demo.DemoModeInitializer}).
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
