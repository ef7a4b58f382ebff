package io.github.openrouter.spring.messages.client;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.util.context.ContextView;

/**
 * Records the {@code http.client.requests} observation that a WebClient built from the client's
 * {@code WebClient.Builder} would record, for calls sent straight to Reactor Netty: the same
 * documentation, registry, convention and context type ({@link ClientRequestObservationContext},
 * whose {@code ClientRequest.Builder} carrier takes the propagation headers of tracing handlers),
 * the caller's observation as parent, stopped when the head of the answer arrives, as WebClient
 * stops it.
 *
 * <p>
 * Spring's {@code WebClient.Builder} has no getters: its registry and convention are read by
 * reflection. A builder that cannot be read counts as observing with an unknown convention, and
 * the client keeps WebClient for it (see {@link Exchange#create}).
 */
final class HttpClientObservation {

	private static final ClientRequestObservationConvention DEFAULT_CONVENTION = new DefaultClientRequestObservationConvention();

	private static final String OBSERVATION_KEY = "micrometer.observation";

	private final ObservationRegistry registry;

	private final @Nullable ClientRequestObservationConvention convention;

	private final URI uri;

	private HttpClientObservation(ObservationRegistry registry, @Nullable ClientRequestObservationConvention convention,
			URI uri) {
		this.registry = registry;
		this.convention = convention;
		this.uri = uri;
	}

	/**
	 * Tells what a WebClient built from the builder would observe.
	 * @param builder the builder
	 * @return {@link Settings#NONE}, {@link Settings#UNKNOWN}, or the registry and convention
	 */
	static Settings settingsOf(WebClient.Builder builder) {
		Field registryField = ReflectionUtils.findField(builder.getClass(), "observationRegistry", ObservationRegistry.class);
		Field conventionField = ReflectionUtils.findField(builder.getClass(), "observationConvention",
				ClientRequestObservationConvention.class);
		if (registryField == null || conventionField == null) {
			return Settings.UNKNOWN;
		}
		try {
			ReflectionUtils.makeAccessible(registryField);
			ReflectionUtils.makeAccessible(conventionField);
			Object registry = registryField.get(builder);
			if (!(registry instanceof ObservationRegistry observationRegistry)) {
				return Settings.UNKNOWN;
			}
			return observationRegistry.isNoop() ? Settings.NONE : new Settings(observationRegistry,
					(ClientRequestObservationConvention) conventionField.get(builder), true);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return Settings.UNKNOWN;
		}
	}

	/**
	 * Returns the observation for calls to a URI, or {@code null} when the settings record none.
	 * @param settings what the builder observes; must not be {@link Settings#UNKNOWN}
	 * @param uri the URI every call is POSTed to
	 * @return the observation, or {@code null}
	 */
	static @Nullable HttpClientObservation forCalls(Settings settings, URI uri) {
		ObservationRegistry registry = settings.registry();
		return (registry != null) ? new HttpClientObservation(registry, settings.convention(), uri) : null;
	}

	/**
	 * Starts the observation of one exchange.
	 * @param call the prepared call, whose headers the observed request carries
	 * @param context the caller's Reactor context, which may hold the parent observation
	 * @return the started exchange
	 */
	Observed start(RequestPreparer.Prepared call, ContextView context) {
		ClientRequest.Builder carrier = ClientRequest.create(HttpMethod.POST, this.uri)
			.headers((headers) -> headers.addAll(call.headers()));
		ClientRequestObservationContext observationContext = new ClientRequestObservationContext(carrier);
		Observation observation = ClientHttpObservationDocumentation.HTTP_REACTIVE_CLIENT_EXCHANGES
			.observation(this.convention, DEFAULT_CONVENTION, () -> observationContext, this.registry)
			.parentObservation(context.getOrDefault(OBSERVATION_KEY, null))
			.start();
		ClientRequest request = carrier.build();
		observationContext.setRequest(request);
		return new Observed(observation, observationContext, addedHeaderLines(call.headers(), request.headers()));
	}

	/** The headers that observation handlers added to the request (propagation), as name-value lines. */
	private static String[] addedHeaderLines(HttpHeaders sent, HttpHeaders observed) {
		List<String> lines = new ArrayList<>();
		for (Map.Entry<String, List<String>> header : observed.headerSet()) {
			if (!header.getValue().equals(sent.get(header.getKey()))) {
				for (String value : header.getValue()) {
					lines.add(header.getKey());
					lines.add(value);
				}
			}
		}
		return lines.toArray(new String[0]);
	}

	/**
	 * What a WebClient would observe: nothing, an unknown builder, or a registry and a convention.
	 *
	 * @param registry the registry, or {@code null} for none or unknown
	 * @param convention the builder's convention, or {@code null} for WebClient's default
	 * @param known whether the builder could be read
	 */
	record Settings(@Nullable ObservationRegistry registry, @Nullable ClientRequestObservationConvention convention,
			boolean known) {

		/** The builder records no observation. */
		static final Settings NONE = new Settings(null, null, true);

		/** The builder could not be read; it may observe. */
		static final Settings UNKNOWN = new Settings(null, null, false);

		/**
		 * Tells whether a WebClient from the builder records (or may record) observations.
		 * @return whether it observes
		 */
		boolean observes() {
			return this.registry != null || !this.known;
		}

	}

	/**
	 * One observed exchange, stopped once by whichever comes first: the answer's head, a failure
	 * or a cancellation.
	 */
	static final class Observed {

		private final Observation observation;

		private final ClientRequestObservationContext context;

		private final String[] headerLines;

		private final AtomicBoolean stopped = new AtomicBoolean();

		Observed(Observation observation, ClientRequestObservationContext context, String[] headerLines) {
			this.observation = observation;
			this.context = context;
			this.headerLines = headerLines;
		}

		/**
		 * Returns the headers to add to the request, as name-value lines.
		 * @return the lines, often none
		 */
		String[] headerLines() {
			return this.headerLines;
		}

		/**
		 * Stops the observation with the head of the answer, whatever its status.
		 * @param status the status code
		 * @param headers the response headers
		 */
		void received(int status, HttpHeaders headers) {
			if (!this.stopped.get()) {
				this.context.setResponse(ClientResponse.create(HttpStatusCode.valueOf(status))
					.headers((responseHeaders) -> responseHeaders.addAll(headers))
					.build());
				stop();
			}
		}

		/**
		 * Stops the observation with a failure that came before the answer.
		 * @param failure the failure
		 */
		void failed(Throwable failure) {
			if (!this.stopped.get() && this.context.getResponse() == null) {
				// as WebClient's exchange function wraps a failure to send or connect, so that the tags match
				ClientRequest request = this.context.getRequest();
				this.observation.error((failure instanceof WebClientException || request == null) ? failure
						: new WebClientRequestException(failure, request.method(), request.url(), request.headers()));
			}
			stop();
		}

		/**
		 * Stops the observation of an exchange the caller cancelled.
		 */
		void stop() {
			if (this.stopped.compareAndSet(false, true)) {
				this.observation.stop();
			}
		}

	}

}
