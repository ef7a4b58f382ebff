package io.github.openrouter.spring.messages.reliability;

/**
 * A fault the {@link FaultServer} injects into one attempt of a call.
 */
enum Fault {

	/** No fault: a well-formed answer (JSON for create, SSE for stream). */
	NONE,

	/** Nothing listens on the port: the connection is refused (handled by the client side of a test). */
	REFUSED,

	/** The request is read, then the connection is reset (RST) before any response byte. */
	RESET_BEFORE_BODY,

	/** The request is read, then the connection is closed (FIN) without a response. */
	EMPTY_RESPONSE,

	/** Status line, headers and part of the body, then a reset (RST). */
	RESET_DURING_BODY,

	/** The request is read and never answered (until the client gives up). */
	SLOW_FIRST_BYTE,

	/** Headers and part of the body, then silence (until the client gives up). */
	STALL_DURING_BODY,

	/** Create: fewer bytes than Content-Length, then FIN. Stream: a clean end without message_stop. */
	TRUNCATED,

	/** A 200 whose JSON (the body, or the first SSE data line) is cut off. */
	MALFORMED_JSON,

	/** A 200 with a garbage SSE data line after message_start (create: an SSE body where JSON was asked). */
	MALFORMED_SSE,

	/** A 502 with a proxy's HTML page. */
	HTML_ERROR_PAGE,

	/** A 200 with an HTML page (a captive portal or misrouted proxy). */
	HTML_OK_PAGE,

	/** A 429 with {@code Retry-After} and a rate_limit_error body. */
	RATE_LIMITED_429,

	/** A 503 with {@code Retry-After} and an overloaded_error body. */
	UNAVAILABLE_503,

	/** A 500 with an api_error body. */
	SERVER_ERROR_500,

	/** A 502 with an api_error body. */
	BAD_GATEWAY_502,

	/** A 529 with an overloaded_error body. */
	OVERLOADED_529

}
