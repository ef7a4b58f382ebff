package io.github.openrouter.spring.messages.observation.internal;

import java.time.Duration;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;

/**
 * A streaming call observed by {@link MessagesObserver}: one observation per subscription,
 * stopped when the stream completes, fails or is cancelled, with the usage its events reported.
 */
final class ObservedStream extends FluxOperator<StreamEvent, StreamEvent> {

	private final MessagesObserver observer;

	private final MessageRequest request;

	/**
	 * Returns the observed stream, passed through Reactor's assembly hooks like any operator.
	 */
	static Flux<StreamEvent> of(Flux<StreamEvent> call, MessagesObserver observer, MessageRequest request) {
		return onAssembly(new ObservedStream(call, observer, request));
	}

	private ObservedStream(Flux<StreamEvent> call, MessagesObserver observer, MessageRequest request) {
		super(call);
		this.observer = observer;
		this.request = request;
	}

	@Override
	public void subscribe(CoreSubscriber<? super StreamEvent> actual) {
		MessagesObservationContext context = this.observer.newContext(this.request, true);
		Observation observation = this.observer.startFor(context, actual);
		if (observation != null) {
			new StreamSubscriber(actual, context, observation, System.nanoTime()).subscribeTo(this.source);
		}
	}

	/**
	 * Keeps what observation needs from a stream's {@code message_start}, {@code message_delta}
	 * and {@code message_stop} events (model, provider, usage, stop reason, routing metadata),
	 * without concatenating its text a second time. {@code message_delta} usage is cumulative:
	 * reported fields replace earlier ones, absent fields keep them ({@link Usage#merge}). Other
	 * events cost a type check; {@code onNext} calls are serial (Reactive Streams rule 1.3), and the
	 * message is volatile for a cancellation arriving on another thread.
	 */
	private static final class StreamSubscriber extends ObservingSubscriber<StreamEvent> {

		private final long startNanos;

		private boolean seenEvent;

		private volatile @Nullable MessageResponse message;

		StreamSubscriber(CoreSubscriber<? super StreamEvent> actual, MessagesObservationContext context,
				Observation observation, long startNanos) {
			super(actual, context, observation);
			this.startNanos = startNanos;
		}

		@Override
		public void onNext(StreamEvent event) {
			if (!this.seenEvent) {
				this.seenEvent = true;
				this.context.setTimeToFirstChunk(Duration.ofNanos(System.nanoTime() - this.startNanos));
			}
			if (event instanceof MessageStartEvent || event instanceof MessageDeltaEvent
					|| event instanceof MessageStopEvent) {
				track(event);
			}
			this.actual.onNext(event);
		}

		private void track(StreamEvent event) {
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

		@Override
		@Nullable MessageResponse partialResponse() {
			return this.message;
		}

	}

}
