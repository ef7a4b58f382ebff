package io.github.openrouter.spring.messages.observation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext.Outcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
	static final String OBSERVATION_KEY = "micrometer.observation";

	private static final Logger logger = LoggerFactory.getLogger(MessagesObserver.class);

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
		return Mono.deferContextual((contextView) -> {
			MessagesObservationContext context = new MessagesObservationContext(request, this.defaultModel, false,
					this.serverAddress);
			Observation observation = start(context, contextView);
			AtomicBoolean stopped = new AtomicBoolean();
			return call
				.doOnSuccess((response) -> stop(observation, context, stopped, Outcome.SUCCESS, null, () -> response))
				.doOnError((error) -> stop(observation, context, stopped, Outcome.ERROR, error, () -> null))
				.doOnCancel(() -> stop(observation, context, stopped, Outcome.CANCELLED, null, () -> null))
				.contextWrite((reactorContext) -> reactorContext.put(OBSERVATION_KEY, observation));
		});
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
		return Flux.deferContextual((contextView) -> {
			MessagesObservationContext context = new MessagesObservationContext(request, this.defaultModel, true,
					this.serverAddress);
			Observation observation = start(context, contextView);
			long startNanos = System.nanoTime();
			UsageTracker tracker = new UsageTracker();
			AtomicBoolean stopped = new AtomicBoolean();
			return call.doOnNext((event) -> {
				if (context.getTimeToFirstChunk() == null) {
					context.setTimeToFirstChunk(Duration.ofNanos(System.nanoTime() - startNanos));
				}
				tracker.accept(event);
			})
				.doOnComplete(() -> stop(observation, context, stopped, Outcome.SUCCESS, null, tracker::snapshot))
				.doOnError((error) -> stop(observation, context, stopped, Outcome.ERROR, error, tracker::snapshot))
				.doOnCancel(() -> stop(observation, context, stopped, Outcome.CANCELLED, null, tracker::snapshot))
				.contextWrite((reactorContext) -> reactorContext.put(OBSERVATION_KEY, observation));
		});
	}

	private Observation start(MessagesObservationContext context, ContextView contextView) {
		Observation parent = contextView.getOrDefault(OBSERVATION_KEY, null);
		if (parent == null) {
			parent = this.registry.getCurrentObservation();
		}
		return MessagesObservationDocumentation.MESSAGES_CALL
			.observation(this.customConvention, DEFAULT_CONVENTION, () -> context, this.registry)
			.parentObservation(parent)
			.start();
	}

	private static void stop(Observation observation, MessagesObservationContext context, AtomicBoolean stopped,
			Outcome outcome, @Nullable Throwable error, Supplier<@Nullable MessageResponse> response) {
		if (!stopped.compareAndSet(false, true)) {
			return;
		}
		try {
			context.setResponse(response.get());
			context.setOutcome(outcome);
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		}
		catch (RuntimeException ex) {
			// Observability must never fail the call it observes.
			logger.warn("Failed to record the observation of an OpenRouter messages call", ex);
		}
	}

	/**
	 * Keeps what observation needs from a stream's {@code message_start}, {@code message_delta}
	 * and {@code message_stop} events (model, provider, usage, stop reason, routing metadata),
	 * without concatenating its text a second time. {@code message_delta} usage is cumulative:
	 * reported fields replace earlier ones, absent fields keep them ({@link Usage#merge}).
	 */
	private static final class UsageTracker {

		private @Nullable MessageResponse message;

		synchronized void accept(StreamEvent event) {
			MessageResponse current = this.message;
			if (event instanceof MessageStartEvent start) {
				this.message = start.message();
			}
			else if (current != null && event instanceof MessageDeltaEvent delta) {
				Usage usage = (current.usage() != null) ? current.usage().merge(delta.usage()) : delta.usage();
				StopReason stopReason = (delta.delta() != null && delta.delta().stopReason() != null)
						? delta.delta().stopReason() : current.stopReason();
				this.message = new MessageResponse(current.id(), current.type(), current.role(), current.model(),
						current.content(), stopReason, current.stopSequence(), current.stopDetails(),
						current.container(), current.contextManagement(), usage, current.provider(),
						current.openrouterMetadata(), current.generationId());
			}
			else if (current != null && event instanceof MessageStopEvent stop && stop.openrouterMetadata() != null) {
				this.message = new MessageResponse(current.id(), current.type(), current.role(), current.model(),
						current.content(), current.stopReason(), current.stopSequence(), current.stopDetails(),
						current.container(), current.contextManagement(), current.usage(), current.provider(),
						stop.openrouterMetadata(), current.generationId());
			}
		}

		synchronized @Nullable MessageResponse snapshot() {
			return this.message;
		}

	}

}
