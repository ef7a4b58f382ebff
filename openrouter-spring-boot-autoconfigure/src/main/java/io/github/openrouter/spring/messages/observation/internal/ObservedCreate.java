package io.github.openrouter.spring.messages.observation.internal;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext.Outcome;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;

/**
 * A non-streaming call observed by {@link MessagesObserver}: one observation per subscription,
 * stopped when the response, the error or the cancellation arrives.
 */
final class ObservedCreate extends MonoOperator<MessageResponse, MessageResponse> {

	private final MessagesObserver observer;

	private final MessageRequest request;

	/**
	 * Returns the observed call, passed through Reactor's assembly hooks like any operator.
	 */
	static Mono<MessageResponse> of(Mono<MessageResponse> call, MessagesObserver observer, MessageRequest request) {
		return onAssembly(new ObservedCreate(call, observer, request));
	}

	private ObservedCreate(Mono<MessageResponse> call, MessagesObserver observer, MessageRequest request) {
		super(call);
		this.observer = observer;
		this.request = request;
	}

	@Override
	public void subscribe(CoreSubscriber<? super MessageResponse> actual) {
		MessagesObservationContext context = this.observer.newContext(this.request, false);
		Observation observation = this.observer.startFor(context, actual);
		if (observation != null) {
			new CreateSubscriber(actual, context, observation).subscribeTo(this.source);
		}
	}

	private static final class CreateSubscriber extends ObservingSubscriber<MessageResponse> {

		CreateSubscriber(CoreSubscriber<? super MessageResponse> actual, MessagesObservationContext context,
				Observation observation) {
			super(actual, context, observation);
		}

		@Override
		public void onNext(MessageResponse response) {
			stop(Outcome.SUCCESS, null, response);
			this.actual.onNext(response);
		}

		@Override
		@Nullable MessageResponse partialResponse() {
			return null;
		}

	}

}
