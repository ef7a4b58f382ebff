package io.github.openrouter.spring.benchmarks;

/**
 * Receives what a benchmarked stream delivers: the length of each text delta, then its end.
 *
 * @since 0.1.0
 */
public interface StreamListener {

	/**
	 * Called for each text delta.
	 * @param text the delta's text
	 */
	void onText(String text);

	/**
	 * Called once when the stream ended after its last event.
	 */
	void onComplete();

	/**
	 * Called once when the stream failed.
	 * @param error the failure
	 */
	void onError(Throwable error);

}
