package io.github.openrouter.spring.messages.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.internal.MessagesObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import tools.jackson.databind.JsonNode;

import static io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessagesObserver}.
 */
class MessagesObserverTests {

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final ObservationRegistry observationRegistry = ObservationRegistry.create();

	private final List<MessagesObservationContext> stopped = new ArrayList<>();

	private final MessagesObserver observer = new MessagesObserver(this.observationRegistry, null, "openrouter.ai",
			null);

	@BeforeEach
	void setUp() {
		this.observationRegistry.observationConfig()
			.observationHandler(new MessagesMeterObservationHandler(this.meterRegistry))
			.observationHandler(ObservationFixtures.collectStopped(this.stopped));
	}

	@Test
	void shouldRecordACreatedMessageOnce() {
		JsonNode fixture = ObservationFixtures.tree(ObservationFixtures.FULL_USAGE_RESPONSE);
		MessageResponse response = ObservationFixtures.response(ObservationFixtures.FULL_USAGE_RESPONSE);
		MessageRequest request = ObservationFixtures.request(fixture.at("/openrouter_metadata/requested").asString());

		StepVerifier.create(this.observer.observeCreate(request, Mono.just(response)))
			.expectNext(response)
			.verifyComplete();

		assertThat(this.stopped).singleElement().satisfies((context) -> {
			assertThat(context.getOutcome()).isEqualTo(MessagesObservationContext.Outcome.SUCCESS);
			assertThat(context.isStreaming()).isFalse();
			assertThat(context.getResponse()).isSameAs(response);
		});
		assertThat(operations("success").count()).isEqualTo(1.0);
		assertThat(this.meterRegistry.get(TOKEN_USAGE).tag(TOKEN_TYPE, "output").summary().totalAmount())
			.isEqualTo(fixture.at("/usage/output_tokens").asLong());
	}

	@Test
	void shouldRecordAFailedCreateOnceWithItsErrorType() {
		MessageRequest request = ObservationFixtures.request("anthropic/claude-sonnet-4");

		StepVerifier.create(this.observer.observeCreate(request, Mono.error(new IllegalStateException("boom"))))
			.verifyError(IllegalStateException.class);

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.ERROR));
		assertThat(operations("error").getId().getTag("error.type")).isEqualTo("IllegalStateException");
		assertThat(operations("error").count()).isEqualTo(1.0);
	}

	@Test
	void shouldRecordACancelledCreateOnce() {
		MessageRequest request = ObservationFixtures.request("anthropic/claude-sonnet-4");

		StepVerifier.create(this.observer.observeCreate(request, Mono.never())).thenCancel().verify();

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.CANCELLED));
		assertThat(operations("cancelled").count()).isEqualTo(1.0);
	}

	@Test
	void shouldRecordACompletedStreamOnceWithTheUsageOfItsEvents() {
		List<JsonNode> data = ObservationFixtures.sseData(ObservationFixtures.FULL_USAGE_STREAM);
		JsonNode startUsage = data.get(0).at("/message/usage");
		JsonNode deltaUsage = last(data, "message_delta").get("usage");
		JsonNode routing = last(data, "message_stop").get("openrouter_metadata");
		List<StreamEvent> events = ObservationFixtures.streamEvents(ObservationFixtures.FULL_USAGE_STREAM);
		MessageRequest request = ObservationFixtures.request(routing.get("requested").asString());

		StepVerifier.create(this.observer.observeStream(request, Flux.fromIterable(events)))
			.expectNextCount(events.size())
			.verifyComplete();

		assertThat(this.stopped).singleElement().satisfies((context) -> {
			assertThat(context.isStreaming()).isTrue();
			assertThat(context.getOutcome()).isEqualTo(MessagesObservationContext.Outcome.SUCCESS);
			assertThat(context.getTimeToFirstChunk()).isNotNull();
		});
		ObservationFixtures.assertTokenMeters(this.meterRegistry, startUsage, deltaUsage);
		assertThat(this.meterRegistry.get(ROUTING_ATTEMPTS).summary().totalAmount())
			.isEqualTo(routing.get("attempt").asLong());
		assertThat(this.meterRegistry.get(FALLBACKS).counter().count()).isEqualTo(1.0);
		assertThat(this.meterRegistry.get(TIME_TO_FIRST_CHUNK).timer().count()).isEqualTo(1);
		assertThat(this.meterRegistry.get(TIME_TO_FIRST_CHUNK).timer().totalTime(TimeUnit.NANOSECONDS))
			.isLessThanOrEqualTo(this.meterRegistry.get(OPERATION_DURATION).timer().totalTime(TimeUnit.NANOSECONDS));
		assertThat(operations("success").count()).isEqualTo(1.0);
	}

	@Test
	void shouldRecordAFailedStreamOnceWithThePartialUsage() {
		List<JsonNode> data = ObservationFixtures.sseData(ObservationFixtures.MIDSTREAM_ERROR_STREAM);
		List<StreamEvent> events = ObservationFixtures.streamEvents(ObservationFixtures.MIDSTREAM_ERROR_STREAM);
		MessageRequest request = ObservationFixtures.request(data.get(0).at("/message/model").asString());
		Flux<StreamEvent> failing = Flux.fromIterable(events)
			.concatWith(Flux.error(new IllegalStateException("provider overloaded")));

		StepVerifier.create(this.observer.observeStream(request, failing))
			.expectNextCount(events.size())
			.verifyError(IllegalStateException.class);

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.ERROR));
		assertThat(operations("error").count()).isEqualTo(1.0);
		assertThat(this.meterRegistry.get(TOKEN_USAGE).tag(TOKEN_TYPE, "input").tag("outcome", "error").summary()
			.totalAmount()).isEqualTo(data.get(0).at("/message/usage/input_tokens").asLong());
	}

	@Test
	void shouldRecordACancelledStreamOnce() {
		List<StreamEvent> events = ObservationFixtures.streamEvents(ObservationFixtures.FULL_USAGE_STREAM);
		MessageRequest request = ObservationFixtures.request("anthropic/claude-sonnet-4");
		TestPublisher<StreamEvent> upstream = TestPublisher.create();

		StepVerifier.create(this.observer.observeStream(request, upstream.flux()))
			.then(() -> upstream.next(events.get(0), events.get(1)))
			.expectNextCount(2)
			.thenCancel()
			.verify();
		upstream.assertCancelled();

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.CANCELLED));
		assertThat(operations("cancelled").count()).isEqualTo(1.0);
		assertThat(this.meterRegistry.find(OPERATIONS).counters()).hasSize(1);
	}

	@Test
	void shouldRecordOnceWhenTheSubscriberCancelsAfterTheFirstEvent() {
		List<StreamEvent> events = ObservationFixtures.streamEvents(ObservationFixtures.QUIRKS_STREAM);
		MessageRequest request = ObservationFixtures.request("anthropic/claude-sonnet-4");

		StepVerifier.create(this.observer.observeStream(request, Flux.fromIterable(events)).next())
			.expectNextCount(1)
			.verifyComplete();

		assertThat(this.stopped).hasSize(1);
		assertThat(operations("cancelled").count()).isEqualTo(1.0);
	}

	@Test
	void shouldRecordOnceWhenTheSubscriberCancelsAfterCompletion() {
		List<StreamEvent> events = ObservationFixtures.streamEvents(ObservationFixtures.QUIRKS_STREAM);
		CancellingOnCompleteSubscriber subscriber = new CancellingOnCompleteSubscriber();

		this.observer.observeStream(ObservationFixtures.request("anthropic/claude-sonnet-4"), Flux.fromIterable(events))
			.subscribe(subscriber);

		assertThat(subscriber.completed).isTrue();
		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.SUCCESS));
		assertThat(this.meterRegistry.find(OPERATIONS).counters()).singleElement()
			.satisfies((counter) -> assertThat(counter.count()).isEqualTo(1.0));
	}

	@Test
	void shouldObserveEachSubscriptionSeparately() {
		List<StreamEvent> events = ObservationFixtures.streamEvents(ObservationFixtures.QUIRKS_STREAM);
		Flux<StreamEvent> observed = this.observer.observeStream(ObservationFixtures.request("anthropic/claude-sonnet-4"),
				Flux.fromIterable(events));

		observed.blockLast();
		observed.blockLast();

		assertThat(this.stopped).hasSize(2);
		assertThat(operations("success").count()).isEqualTo(2.0);
	}

	@Test
	void shouldMakeTheCallObservationTheParentOfObservationsInside() {
		MessageRequest request = ObservationFixtures.request("anthropic/claude-sonnet-4");
		MessageResponse response = ObservationFixtures.response(ObservationFixtures.SPEC_RESPONSE);
		List<Observation> seenInside = new ArrayList<>();
		Mono<MessageResponse> call = Mono.deferContextual((contextView) -> {
			seenInside.add(contextView.get(MessagesObserver.OBSERVATION_KEY));
			return Mono.just(response);
		});

		this.observer.observeCreate(request, call).block();

		assertThat(seenInside).singleElement()
			.satisfies((observation) -> assertThat(observation.getContext()).isSameAs(this.stopped.get(0)));
	}

	@Test
	void shouldMakeTheCallObservationCurrentUpstreamWithAutomaticContextPropagation() {
		MessageResponse response = ObservationFixtures.response(ObservationFixtures.SPEC_RESPONSE);
		List<@Nullable Observation> currentInside = new ArrayList<>();
		Mono<MessageResponse> call = Mono.fromSupplier(() -> {
			currentInside.add(this.observationRegistry.getCurrentObservation());
			return response;
		});
		Hooks.enableAutomaticContextPropagation();
		try {
			this.observer.observeCreate(ObservationFixtures.request("anthropic/claude-sonnet-4"), call).block();
		}
		finally {
			Hooks.disableAutomaticContextPropagation();
		}

		assertThat(currentInside).singleElement()
			.satisfies((observation) -> assertThat(observation.getContext()).isSameAs(this.stopped.get(0)));
		assertThat(this.observationRegistry.getCurrentObservation()).isNull();
	}

	@Test
	void shouldMakeTheStreamObservationCurrentUpstreamWithAutomaticContextPropagation() {
		List<StreamEvent> events = ObservationFixtures.streamEvents(ObservationFixtures.QUIRKS_STREAM);
		List<@Nullable Observation> currentInside = new ArrayList<>();
		Flux<StreamEvent> call = Flux.defer(() -> {
			currentInside.add(this.observationRegistry.getCurrentObservation());
			return Flux.fromIterable(events);
		});
		Hooks.enableAutomaticContextPropagation();
		try {
			this.observer.observeStream(ObservationFixtures.request("anthropic/claude-sonnet-4"), call).blockLast();
		}
		finally {
			Hooks.disableAutomaticContextPropagation();
		}

		assertThat(currentInside).singleElement()
			.satisfies((observation) -> assertThat(observation.getContext()).isSameAs(this.stopped.get(0)));
		assertThat(operations("success").count()).isEqualTo(1.0);
	}

	@Test
	void shouldNestUnderTheObservationInTheSubscribersContext() {
		Observation parent = Observation.start("parent", this.observationRegistry);
		MessageResponse response = ObservationFixtures.response(ObservationFixtures.SPEC_RESPONSE);

		this.observer.observeCreate(ObservationFixtures.request("anthropic/claude-sonnet-4"), Mono.just(response))
			.contextWrite((context) -> context.put(MessagesObserver.OBSERVATION_KEY, parent))
			.block();
		parent.stop();

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getParentObservation()).isSameAs(parent));
	}

	@Test
	void shouldTagTheClientsDefaultModelWhenTheRequestNamesNone() {
		MessagesObserver withDefault = new MessagesObserver(this.observationRegistry, null, "openrouter.ai",
				"anthropic/claude-sonnet-4");
		MessageRequest request = MessageRequest.builder().addUserMessage(ObservationFixtures.PROMPT).build();
		MessageResponse response = ObservationFixtures.response(ObservationFixtures.SPEC_RESPONSE);

		withDefault.observeCreate(request, Mono.just(response)).block();

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getRequestModel()).isEqualTo("anthropic/claude-sonnet-4"));
		assertThat(operations("success").getId().getTag("gen_ai.request.model")).isEqualTo("anthropic/claude-sonnet-4");
	}

	@Test
	void shouldLeaveACallWithoutRequestToTheClientsValidation() {
		Mono<MessageResponse> call = Mono.error(new IllegalArgumentException("request is required"));
		Flux<StreamEvent> stream = Flux.error(new IllegalArgumentException("request is required"));

		assertThat(this.observer.observeCreate(null, call)).isSameAs(call);
		assertThat(this.observer.observeStream(null, stream)).isSameAs(stream);
	}

	@Test
	void shouldReturnTheCallUnchangedWhenObservationIsOff() {
		MessagesObserver noop = new MessagesObserver(ObservationRegistry.NOOP, null, "openrouter.ai", null);
		Mono<MessageResponse> call = Mono.empty();
		Flux<StreamEvent> stream = Flux.empty();

		assertThat(noop.observeCreate(ObservationFixtures.request("a/b"), call)).isSameAs(call);
		assertThat(noop.observeStream(ObservationFixtures.request("a/b"), stream)).isSameAs(stream);
	}

	@Test
	void shouldSpellTheObservationKeyLikeMicrometer() {
		assertThat(MessagesObserver.OBSERVATION_KEY)
			.isEqualTo(io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor.KEY);
	}

	/**
	 * Cancels its subscription after completion, which Reactive Streams allows (rule 2.4) and
	 * which still runs {@code doOnCancel} hooks.
	 */
	private static final class CancellingOnCompleteSubscriber implements Subscriber<StreamEvent> {

		private @Nullable Subscription subscription;

		private boolean completed;

		@Override
		public void onSubscribe(Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(StreamEvent event) {
		}

		@Override
		public void onError(Throwable error) {
		}

		@Override
		public void onComplete() {
			this.completed = true;
			this.subscription.cancel();
		}

	}

	private Counter operations(String outcome) {
		return this.meterRegistry.get(OPERATIONS).tag("outcome", outcome).counter();
	}

	private static JsonNode last(List<JsonNode> data, String type) {
		JsonNode found = null;
		for (JsonNode node : data) {
			if (type.equals(node.path("type").asString())) {
				found = node;
			}
		}
		assertThat(found).as("event %s", type).isNotNull();
		return found;
	}

}
