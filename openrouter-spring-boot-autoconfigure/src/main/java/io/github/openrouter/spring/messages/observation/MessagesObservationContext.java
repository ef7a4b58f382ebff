package io.github.openrouter.spring.messages.observation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of one messages call: the request, the (possibly partial) response and how the call ended.
 *
 * @since 0.1.0
 */
public class MessagesObservationContext extends Observation.Context {

	private final MessageRequest request;

	private final @Nullable String requestModel;

	private final boolean streaming;

	private final @Nullable String serverAddress;

	private volatile @Nullable MessageResponse response;

	private volatile @Nullable Duration timeToFirstChunk;

	private volatile Outcome outcome = Outcome.SUCCESS;

	private volatile @Nullable ResponseFacts responseFacts;

	private volatile long meterStartNanos;

	private volatile boolean meterStarted;

	/**
	 * Creates a context for one call whose model is the request's own.
	 * @param request the request
	 * @param streaming whether the call is a stream
	 * @param serverAddress host name of the endpoint, or {@code null} if unknown
	 */
	public MessagesObservationContext(MessageRequest request, boolean streaming, @Nullable String serverAddress) {
		this(request, null, streaming, serverAddress);
	}

	/**
	 * Creates a context for one call.
	 * @param request the request as the application passed it
	 * @param defaultModel the client's default model, used when the request names none
	 * @param streaming whether the call is a stream
	 * @param serverAddress host name of the endpoint, or {@code null} if unknown
	 */
	public MessagesObservationContext(MessageRequest request, @Nullable String defaultModel, boolean streaming,
			@Nullable String serverAddress) {
		this.request = Objects.requireNonNull(request, "request");
		this.requestModel = requestModel(request, defaultModel);
		this.streaming = streaming;
		this.serverAddress = serverAddress;
	}

	private static @Nullable String requestModel(MessageRequest request, @Nullable String defaultModel) {
		if (request.model() != null && !request.model().isBlank()) {
			return request.model();
		}
		if (defaultModel != null && !defaultModel.isBlank()) {
			return defaultModel;
		}
		List<String> models = request.models();
		return (models != null && !models.isEmpty()) ? models.get(0) : null;
	}

	/**
	 * Returns the request as sent.
	 * @return the request
	 */
	public MessageRequest getRequest() {
		return this.request;
	}

	/**
	 * Returns the model the call asks for: the request's {@code model}, else the client's
	 * default model, else the first of the request's {@code models}.
	 * @return the requested model, or {@code null} if none is known
	 */
	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * Returns whether the call is a stream.
	 * @return {@code true} for {@code stream}, {@code false} for {@code create}
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * Returns the host name of the endpoint.
	 * @return the host, or {@code null} if unknown
	 */
	public @Nullable String getServerAddress() {
		return this.serverAddress;
	}

	/**
	 * Returns the response; for a stream, the message accumulated until the stream ended.
	 * @return the response, or {@code null} if none (or no {@code message_start}) arrived
	 */
	public @Nullable MessageResponse getResponse() {
		return this.response;
	}

	/**
	 * Sets the response.
	 * @param response the complete or partial response
	 */
	public void setResponse(@Nullable MessageResponse response) {
		this.response = response;
	}

	/**
	 * Returns the facts of the response, read once per response and shared by the convention
	 * and the meter handler.
	 * @return the facts, or {@code null} if there is no response
	 */
	@Nullable ResponseFacts responseFacts() {
		MessageResponse current = this.response;
		if (current == null) {
			return null;
		}
		ResponseFacts facts = this.responseFacts;
		if (facts == null || facts.response() != current) {
			facts = ResponseFacts.from(current);
			this.responseFacts = facts;
		}
		return facts;
	}

	/**
	 * Records when {@link MessagesMeterObservationHandler} saw the call start.
	 * @param nanos the monotonic time of the meter registry's clock
	 */
	void setMeterStartNanos(long nanos) {
		this.meterStartNanos = nanos;
		this.meterStarted = true;
	}

	/**
	 * Returns whether {@link #setMeterStartNanos(long)} was called.
	 * @return whether the start time is known
	 */
	boolean hasMeterStart() {
		return this.meterStarted;
	}

	/**
	 * Returns the start time recorded by {@link #setMeterStartNanos(long)}.
	 * @return the monotonic time
	 */
	long getMeterStartNanos() {
		return this.meterStartNanos;
	}

	/**
	 * Returns the time from the start of the call to its first stream event.
	 * @return the time, or {@code null} for non-streaming calls and streams without events
	 */
	public @Nullable Duration getTimeToFirstChunk() {
		return this.timeToFirstChunk;
	}

	/**
	 * Sets the time from the start of the call to its first stream event.
	 * @param timeToFirstChunk the time
	 */
	public void setTimeToFirstChunk(@Nullable Duration timeToFirstChunk) {
		this.timeToFirstChunk = timeToFirstChunk;
	}

	/**
	 * Returns how the call ended.
	 * @return the outcome
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how the call ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(Outcome outcome) {
		this.outcome = Objects.requireNonNull(outcome, "outcome");
	}

	/**
	 * How a call ended.
	 */
	public enum Outcome {

		/**
		 * A response arrived, or the stream reached {@code message_stop}.
		 */
		SUCCESS("success"),

		/**
		 * The call failed with an exception.
		 */
		ERROR("error"),

		/**
		 * The subscriber cancelled, or the blocking stream was closed early.
		 */
		CANCELLED("cancelled");

		private final String value;

		Outcome(String value) {
			this.value = value;
		}

		/**
		 * Returns the tag value.
		 * @return {@code success}, {@code error} or {@code cancelled}
		 */
		public String value() {
			return this.value;
		}

	}

}
