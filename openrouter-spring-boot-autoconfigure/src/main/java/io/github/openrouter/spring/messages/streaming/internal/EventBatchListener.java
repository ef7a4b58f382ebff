package io.github.openrouter.spring.messages.streaming.internal;

/**
 * Told by {@link StreamEventDecoder} where the events decoded from one body chunk begin and
 * end, so that a blocking reader can be woken once per chunk instead of once per event.
 *
 * <p>
 * A subscriber offers one through its Reactor context under {@link #CONTEXT_KEY}. The
 * decoder calls {@link #batchStarted()} on the thread that then delivers the chunk's events
 * and {@link #batchEnded()} after the last of them, unless the stream terminates first or the
 * subscriber's demand runs out in between (the rest of the chunk then follows once more is
 * requested, possibly on another thread).
 */
interface EventBatchListener {

	/** Key of the listener in the subscriber's context. */
	String CONTEXT_KEY = EventBatchListener.class.getName();

	/**
	 * Called before the events of one chunk are delivered, on the delivering thread.
	 */
	void batchStarted();

	/**
	 * Called after the events of one chunk were delivered.
	 */
	void batchEnded();

}
