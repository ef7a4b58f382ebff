package io.github.openrouter.spring.messages.client;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Reads a response body whole into one array in a single operator: each buffer is copied and
 * released as it arrives, a body over the size bound is cancelled with a
 * {@link org.springframework.core.io.buffer.DataBufferLimitException}, and an optional idle
 * limit (measured from subscription and from each buffer, with one lazily re-armed timer task)
 * cancels a stalled body with an error. Reads error bodies and the body of a stream's answer that
 * is not an event stream; a non-streaming call reads its 2xx body in {@link CreateCall}.
 *
 * @since 0.1.0
 */
final class BodyReader extends Mono<byte[]> {

	private final Publisher<? extends DataBuffer> body;

	private final int maxBytes;

	private final @Nullable IdleLimit idleLimit;

	private BodyReader(Publisher<? extends DataBuffer> body, int maxBytes,
			@Nullable IdleLimit idleLimit) {
		this.body = body;
		this.maxBytes = maxBytes;
		this.idleLimit = idleLimit;
	}

	/**
	 * Reads a body whole; an empty body gives an empty array.
	 * @param body the body
	 * @param maxBytes the longest body accepted
	 * @return the bytes
	 */
	static Mono<byte[]> read(Publisher<? extends DataBuffer> body, int maxBytes) {
		return new BodyReader(body, maxBytes, null);
	}

	/**
	 * Reads a body whole, failing it when no buffer arrives for too long.
	 * @param body the body
	 * @param maxBytes the longest body accepted
	 * @param timer the scheduler that measures the silence
	 * @param idleNanos the longest silence allowed
	 * @param idleError the error signalled on a silence that is too long
	 * @return the bytes
	 */
	static Mono<byte[]> read(Publisher<? extends DataBuffer> body, int maxBytes, Scheduler timer,
			long idleNanos, Supplier<Throwable> idleError) {
		return new BodyReader(body, maxBytes, new IdleLimit(timer, idleNanos, idleError));
	}

	@Override
	public void subscribe(CoreSubscriber<? super byte[]> actual) {
		this.body.subscribe(new Aggregator(actual, this.maxBytes, this.idleLimit));
	}

	private record IdleLimit(Scheduler timer, long idleNanos, Supplier<Throwable> error) {
	}

	/**
	 * Collects the buffers, copying and releasing each as it arrives.
	 */
	private static final class Aggregator extends SingleOutcomeSubscriber<DataBuffer, byte[]> {

		private final ByteCollector collector;

		private final @Nullable IdleLimit idleLimit;

		private volatile long lastNanos;

		Aggregator(CoreSubscriber<? super byte[]> actual, int maxBytes, @Nullable IdleLimit idleLimit) {
			super(actual);
			this.collector = new ByteCollector(maxBytes);
			this.idleLimit = idleLimit;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (accept(subscription)) {
				IdleLimit limit = this.idleLimit;
				if (limit != null) {
					this.lastNanos = limit.timer().now(TimeUnit.NANOSECONDS);
					arm(limit, limit.idleNanos());
				}
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(DataBuffer buffer) {
			try {
				if (isTerminated()) {
					return;
				}
				IdleLimit limit = this.idleLimit;
				if (limit != null) {
					this.lastNanos = limit.timer().now(TimeUnit.NANOSECONDS);
				}
				if (!this.collector.add(buffer)) {
					failAndCancel(this.collector.tooLarge());
				}
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		@Override
		public void onComplete() {
			if (terminate()) {
				complete(this.collector.toArray());
			}
		}

		private void arm(IdleLimit limit, long delayNanos) {
			timerTask(limit.timer().schedule(() -> onIdleCheck(limit), delayNanos, TimeUnit.NANOSECONDS));
		}

		private void onIdleCheck(IdleLimit limit) {
			if (isTerminated()) {
				return;
			}
			long silent = limit.timer().now(TimeUnit.NANOSECONDS) - this.lastNanos;
			if (silent < limit.idleNanos()) {
				arm(limit, limit.idleNanos() - silent);
			}
			else {
				failAndCancel(limit.error().get());
			}
		}

	}

}
