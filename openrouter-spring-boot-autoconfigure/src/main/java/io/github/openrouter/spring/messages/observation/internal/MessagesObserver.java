package io.github.openrouter.spring.messages.observation.internal;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.github.openrouter.spring.messages.observation.MessagesObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Wraps the client's reactive calls in one {@link Observation} each, stopped exactly once on
 * success, error or cancellation. Used by the client; applications do not need it.
 *
 * <p>
 * The observation is put in the Reactor context under {@code ObservationThreadLocalAccessor.KEY},
 * so the {@code WebClient}'s {@code http.client.requests} observation becomes its child.
 *
 * @since 0.1.0
 */
public final class MessagesObserver {

	/**
	 * Value of {@code ObservationThreadLocalAccessor.KEY}, spelled out so that the client does not
	 * need {@code io.micrometer:context-propagation} on the classpath.
	 */
	public static final String OBSERVATION_KEY = "micrometer.observation";

	private static final MessagesObservationConvention DEFAULT_CONVENTION = new DefaultMessagesObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable MessagesObservationConvention customConvention;

	private final @Nullable String serverAddress;

	private final @Nullable String defaultModel;

	/**
	 * Creates an observer.
	 * @param registry the registry; {@link ObservationRegistry#NOOP} turns observation off
	 * @param customConvention a convention replacing the default one, or {@code null}
	 * @param serverAddress host name of the endpoint, or {@code null} if unknown
	 * @param defaultModel the client's default model, or {@code null}
	 */
	public MessagesObserver(ObservationRegistry registry, @Nullable MessagesObservationConvention customConvention,
			@Nullable String serverAddress, @Nullable String defaultModel) {
		this.registry = registry;
		this.customConvention = customConvention;
		this.serverAddress = serverAddress;
		this.defaultModel = defaultModel;
	}

	/**
	 * Observes a non-streaming call.
	 * @param request the request as the application passed it; {@code null} leaves the call unobserved
	 * @param call the call; subscribed once per subscription to the result
	 * @return the call, observed
	 */
	public Mono<MessageResponse> observeCreate(@Nullable MessageRequest request, Mono<MessageResponse> call) {
		if (this.registry.isNoop() || request == null) {
			return call;
		}
		return ObservedCreate.of(call, this, request);
	}

	/**
	 * Observes a streaming call; the usage is taken from the stream's {@code message_start},
	 * {@code message_delta} and {@code message_stop} events.
	 * @param request the request as the application passed it; {@code null} leaves the call unobserved
	 * @param call the stream; subscribed once per subscription to the result
	 * @return the stream, observed
	 */
	public Flux<StreamEvent> observeStream(@Nullable MessageRequest request, Flux<StreamEvent> call) {
		if (this.registry.isNoop() || request == null) {
			return call;
		}
		return ObservedStream.of(call, this, request);
	}

	MessagesObservationContext newContext(MessageRequest request, boolean streaming) {
		return new MessagesObservationContext(request, this.defaultModel, streaming, this.serverAddress);
	}

	/**
	 * Starts the observation of one call, as a child of the observation in the subscriber's
	 * Reactor context, else of the current one.
	 * @param context the call's context
	 * @param contextView the subscriber's Reactor context
	 * @return the started observation
	 */
	Observation start(MessagesObservationContext context, ContextView contextView) {
		return MessagesObservationDocumentation.MESSAGES_CALL
			.observation(this.customConvention, DEFAULT_CONVENTION, () -> context, this.registry)
			.parentObservation(parent(contextView, this.registry))
			.start();
	}

	/**
	 * Returns the observation that an observation started under a subscriber becomes a child of:
	 * the one in the subscriber's Reactor context, else the registry's current one.
	 * @param contextView the subscriber's Reactor context
	 * @param registry the registry
	 * @return the parent, or {@code null} for none
	 */
	public static @Nullable Observation parent(ContextView contextView, ObservationRegistry registry) {
		Observation parent = contextView.getOrDefault(OBSERVATION_KEY, null);
		return (parent != null) ? parent : registry.getCurrentObservation();
	}

	/**
	 * Puts an observation in a Reactor context, where the calls made under it find it as their
	 * parent (see {@link #parent(ContextView, ObservationRegistry)}).
	 * @param context the context
	 * @param observation the observation
	 * @return the context with the observation
	 */
	public static Context withParent(Context context, Observation observation) {
		return context.put(OBSERVATION_KEY, observation);
	}

	/**
	 * Starts the observation of one call for a subscriber, or fails the subscriber when the
	 * observation cannot start.
	 * @param context the call's context
	 * @param actual the subscriber
	 * @return the started observation, or {@code null} when the subscriber was failed
	 */
	@Nullable Observation startFor(MessagesObservationContext context, CoreSubscriber<?> actual) {
		try {
			return start(context, actual.currentContext());
		}
		catch (Throwable ex) {
			Operators.error(actual, Operators.onOperatorError(ex, actual.currentContext()));
			return null;
		}
	}

}
