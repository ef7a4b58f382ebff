package io.github.openrouter.spring.messages;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Per-call options that do not belong in the request body: extra headers, a timeout and the
 * routing-metadata opt-in.
 *
 * @param headers extra HTTP headers for this call; they cannot replace {@code Authorization}
 * @param timeout total time budget for this call, or {@code null} for the client default
 * @param routingMetadata whether to send {@code X-OpenRouter-Metadata: enabled}, or
 * {@code null} for the client default
 * @param sessionId value of the {@code x-session-id} header, or {@code null} for none
 * @since 0.1.0
 */
public record RequestOptions(Map<String, String> headers, @Nullable Duration timeout,
		@Nullable Boolean routingMetadata, @Nullable String sessionId) {

	private static final RequestOptions NONE = new RequestOptions(Map.of(), null, null, null);

	/**
	 * Creates options, copying the headers.
	 */
	public RequestOptions {
		headers = Map.copyOf(headers);
	}

	/**
	 * Returns options that change nothing.
	 * @return the empty options
	 */
	public static RequestOptions none() {
		return NONE;
	}

	/**
	 * Returns a builder for options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder for {@link RequestOptions}.
	 */
	public static final class Builder {

		private final Map<String, String> headers = new LinkedHashMap<>();

		private @Nullable Duration timeout;

		private @Nullable Boolean routingMetadata;

		private @Nullable String sessionId;

		private Builder() {
		}

		/**
		 * Adds a header to send with this call.
		 * @param name the header name
		 * @param value the header value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Sets the total time budget of this call.
		 * @param timeout the budget
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Sets whether OpenRouter should return {@code openrouter_metadata} for this call.
		 * @param routingMetadata the opt-in
		 * @return this builder
		 */
		public Builder routingMetadata(boolean routingMetadata) {
			this.routingMetadata = routingMetadata;
			return this;
		}

		/**
		 * Sets the {@code x-session-id} header of this call.
		 * @param sessionId the session id, at most 256 characters
		 * @return this builder
		 */
		public Builder sessionId(String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public RequestOptions build() {
			return new RequestOptions(this.headers, this.timeout, this.routingMetadata, this.sessionId);
		}

	}

}
