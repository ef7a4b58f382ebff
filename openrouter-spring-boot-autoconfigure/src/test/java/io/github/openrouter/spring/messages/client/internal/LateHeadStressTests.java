package io.github.openrouter.spring.messages.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.model.MessageResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A randomized stress test, through the public client, of the race between an answer's head and
 * the first-byte limit or the caller's cancel: the head arrives on another thread at a random
 * moment around the limit, and the caller cancels at a random moment in some calls. Every head
 * that reached the client must be read by the caller or discarded (its body subscribed, which
 * frees the connection), and every call must end once: with the answer, a first-byte timeout,
 * or the caller's cancel.
 */
class LateHeadStressTests {

	private static final Duration FIRST_BYTE = Duration.ofMillis(2);

	private static final long WINDOW_NANOS = 2 * FIRST_BYTE.toNanos();

	private static final byte[] ANSWER = DefaultReactiveMessagesClientTests
		.fixture("openrouter-spec/response-200.example.json")
		.getBytes(StandardCharsets.UTF_8);

	private final Queue<Head> heads = new ConcurrentLinkedQueue<>();

	private final Queue<Long> delays = new ConcurrentLinkedQueue<>();

	private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

	private final Queue<Throwable> dropped = new ConcurrentLinkedQueue<>();

	@AfterEach
	void resetHooks() {
		Hooks.resetOnErrorDropped();
	}

	@Test
	void shouldReadOrDiscardEveryHeadAndEndEveryCallOnceUnderRandomTimingAndCancels() {
		Hooks.onErrorDropped(this.dropped::add);
		long seed = System.nanoTime();
		Random random = new Random(seed);
		String context = "seed " + seed;
		MessagesClient client = MessagesClient.builder()
			.apiKey(DefaultReactiveMessagesClientTests.API_KEY)
			.baseUrl("https://openrouter.test/api/v1")
			.clientConnector(new LateConnector())
			.timeouts(new ClientTimeouts(Duration.ofSeconds(10), FIRST_BYTE, Duration.ofSeconds(10),
					Duration.ofSeconds(30)))
			.retryPolicy(RetryPolicy.none())
			.build();
		List<Call> calls = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			Call call = new Call();
			calls.add(call);
			long headDelay = random.nextLong(0, WINDOW_NANOS);
			long cancelDelay = (random.nextInt(3) == 0) ? random.nextLong(0, WINDOW_NANOS) : -1;
			this.delays.add(headDelay);
			client.reactive().create(DefaultReactiveMessagesClientTests.hello()).subscribe(call);
			if (cancelDelay >= 0) {
				Schedulers.parallel().schedule(call::cancel, cancelDelay, TimeUnit.NANOSECONDS);
			}
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.answers).as(context).allSatisfy((answer) -> assertThat(answer.settled).isTrue());
			assertThat(calls).as(context).allSatisfy((call) -> assertThat(call.ended()).isTrue());
		});
		for (Call call : calls) {
			if (call.cancelled.get()) {
				assertThat(call.terminals.get()).as("terminal signals of a cancelled call, " + context)
					.isLessThanOrEqualTo(1);
			}
			else {
				assertThat(call.terminals.get()).as("terminal signals, " + context).isOne();
			}
			Throwable failure = call.error.get();
			if (failure != null) {
				assertThat(failure).as(context)
					.isInstanceOfSatisfying(OpenRouterTimeoutException.class,
							(ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.FIRST_BYTE));
			}
			assertThat(call.values.get()).as("answers, " + context).isLessThanOrEqualTo(1);
			if (call.completed.get()) {
				assertThat(call.values.get()).as("answers of a completed call, " + context).isOne();
			}
		}
		long leaked = this.heads.stream().filter((head) -> head.bodySubscriptions.get() == 0).count();
		assertThat(leaked).as("heads neither read nor discarded (of %d), %s", this.heads.size(), context).isZero();
		assertThat(this.heads).as(context)
			.allSatisfy((head) -> assertThat(head.bodySubscriptions.get()).as("body subscriptions").isOne());
		long answered = calls.stream().filter((call) -> call.values.get() == 1).count();
		assertThat(this.heads.stream().filter((head) -> head.readWhole.get()).count()).as(context)
			.isGreaterThanOrEqualTo(answered);
		// a limit that fires as the caller cancels has nobody to tell: Reactor drops its error
		assertThat(this.dropped).as("errors dropped, " + context)
			.allSatisfy((failure) -> assertThat(failure).isInstanceOfSatisfying(OpenRouterTimeoutException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.FIRST_BYTE)));
		assertThat(calls).as(context).anySatisfy((call) -> assertThat(call.completed.get()).isTrue());
		assertThat(calls).as(context).anySatisfy((call) -> assertThat(call.error.get()).isNotNull());
		assertThat(calls).as(context).anySatisfy((call) -> assertThat(call.cancelled.get()).isTrue());
	}

	/**
	 * A connector whose answer's head comes on another thread after the next random delay. A head
	 * is made only if the call is still waiting when the delay ends, as a real connector frees a
	 * connection whose exchange was cancelled; but it then reaches the client after a hop to
	 * another thread, even if the call was cancelled meanwhile, as a head already read does.
	 */
	private final class LateConnector implements ClientHttpConnector {

		@Override
		public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
				Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
			Long delay = LateHeadStressTests.this.delays.poll();
			assertThat(delay).isNotNull();
			Answer answer = new Answer(delay);
			LateHeadStressTests.this.answers.add(answer);
			return new Mono<>() {

				@Override
				public void subscribe(CoreSubscriber<? super ClientHttpResponse> actual) {
					AtomicBoolean cancelled = new AtomicBoolean();
					AtomicBoolean requested = new AtomicBoolean();
					actual.onSubscribe(new Subscription() {

						@Override
						public void request(long n) {
							if (requested.compareAndSet(false, true)) {
								Schedulers.parallel().schedule(() -> arrive(actual, cancelled), answer.delayNanos,
										TimeUnit.NANOSECONDS);
							}
						}

						@Override
						public void cancel() {
							cancelled.set(true);
							if (!requested.get()) {
								// cancelled during the subscription, before any request: nothing is
								// ever sent, as with a real connector (a request racing this still
								// schedules the arrival, which settles the answer as cancelled)
								answer.settled = true;
							}
						}

					});
				}

				private void arrive(CoreSubscriber<? super ClientHttpResponse> actual, AtomicBoolean cancelled) {
					if (cancelled.get()) {
						answer.settled = true;
						return;
					}
					Head head = new Head();
					LateHeadStressTests.this.heads.add(head);
					Schedulers.boundedElastic().schedule(() -> {
						actual.onNext(head.response());
						actual.onComplete();
						answer.settled = true;
					});
				}

			};
		}

	}

	/** The timing of one call's answer. */
	private static final class Answer {

		final long delayNanos;

		volatile boolean settled;

		Answer(long delayNanos) {
			this.delayNanos = delayNanos;
		}

	}

	/** An answer's head that reached the client; counts the subscriptions to its body. */
	private static final class Head {

		final AtomicInteger bodySubscriptions = new AtomicInteger();

		final AtomicBoolean readWhole = new AtomicBoolean();

		ClientHttpResponse response() {
			MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.setBody(Flux.defer(() -> {
				this.bodySubscriptions.incrementAndGet();
				return Flux.<DataBuffer>just(DefaultDataBufferFactory.sharedInstance.wrap(ANSWER))
					.doOnComplete(() -> this.readWhole.set(true));
			}));
			return response;
		}

	}

	/** A caller that asks for the answer. */
	private static final class Call extends SignalCounter<MessageResponse> {

		final AtomicInteger values = new AtomicInteger();

		@Override
		public void onSubscribe(Subscription subscription) {
			super.onSubscribe(subscription);
			subscription.request(1);
		}

		@Override
		public void onNext(MessageResponse response) {
			this.values.incrementAndGet();
		}

	}

}
