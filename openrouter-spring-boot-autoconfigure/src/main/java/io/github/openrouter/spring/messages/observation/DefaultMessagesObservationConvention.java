package io.github.openrouter.spring.messages.observation;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext.Outcome;
import io.github.openrouter.spring.messages.observation.MessagesObservationDocumentation.HighCardinalityKeyNames;
import io.github.openrouter.spring.messages.observation.MessagesObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * Default {@link MessagesObservationConvention}: OpenTelemetry GenAI names, with model and other
 * server-chosen values capped per key (overflow becomes {@code _OTHER}).
 *
 * <p>
 * Every low-cardinality key is always present ({@code none} when unknown) so that registries
 * such as Prometheus see one set of tag keys per meter.
 *
 * @since 0.1.0
 */
public class DefaultMessagesObservationConvention implements MessagesObservationConvention {

	/**
	 * Name of the observation, and of the timer Spring Boot derives from it.
	 */
	public static final String DEFAULT_NAME = "gen_ai.client.operation";

	/**
	 * Default number of distinct values kept per tag key.
	 */
	public static final int DEFAULT_MAX_TAG_VALUES = 100;

	/**
	 * Value of keys whose value is unknown or not applicable.
	 */
	public static final String NONE = "none";

	/**
	 * Value of keys past their limit of distinct values.
	 */
	public static final String OTHER = TagValueLimiter.OTHER;

	private static final KeyValue OPERATION_CHAT = KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME, "chat");

	private static final KeyValue PROVIDER_OPENROUTER = KeyValue.of(LowCardinalityKeyNames.PROVIDER_NAME,
			"openrouter");

	private final TagValueLimiter limiter;

	/**
	 * Creates a convention that keeps {@value #DEFAULT_MAX_TAG_VALUES} distinct values per key.
	 */
	public DefaultMessagesObservationConvention() {
		this(DEFAULT_MAX_TAG_VALUES);
	}

	/**
	 * Creates a convention that keeps the given number of distinct values per key.
	 * @param maxTagValues distinct values kept per key before {@code _OTHER}; at least 1
	 */
	public DefaultMessagesObservationConvention(int maxTagValues) {
		this.limiter = new TagValueLimiter(maxTagValues);
	}

	@Override
	public String getName() {
		return DEFAULT_NAME;
	}

	@Override
	public String getContextualName(MessagesObservationContext context) {
		String model = context.getRequestModel();
		return (model != null) ? "chat " + model : "chat";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MessagesObservationContext context) {
		MessageResponse response = context.getResponse();
		return KeyValues.of(OPERATION_CHAT, PROVIDER_OPENROUTER,
				capped(LowCardinalityKeyNames.REQUEST_MODEL, context.getRequestModel()),
				capped(LowCardinalityKeyNames.RESPONSE_MODEL, (response != null) ? response.model() : null),
				capped(LowCardinalityKeyNames.SERVER_ADDRESS, context.getServerAddress()),
				capped(LowCardinalityKeyNames.ERROR_TYPE, errorTypeOf(context)),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, context.getOutcome().value()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MessagesObservationContext context) {
		KeyValues keyValues = KeyValues.empty();
		MessageRequest request = context.getRequest();
		if (request.maxTokens() != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.REQUEST_MAX_TOKENS.withValue(String.valueOf(request.maxTokens())));
		}
		if (request.temperature() != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.REQUEST_TEMPERATURE.withValue(String.valueOf(request.temperature())));
		}
		MessageResponse response = context.getResponse();
		if (response == null) {
			return keyValues;
		}
		ResponseFacts facts = ResponseFacts.from(response);
		if (facts.stopReason() != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.RESPONSE_FINISH_REASONS.withValue(facts.stopReason()));
		}
		if (facts.hasUsage()) {
			keyValues = keyValues
				.and(HighCardinalityKeyNames.USAGE_INPUT_TOKENS.withValue(String.valueOf(facts.totalInputTokens())))
				.and(HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS.withValue(String.valueOf(facts.totalOutputTokens())));
		}
		if (facts.provider() != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.OPENROUTER_PROVIDER.withValue(facts.provider()));
		}
		if (facts.cost() != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.OPENROUTER_COST.withValue(String.valueOf(facts.cost())));
		}
		return keyValues;
	}

	/**
	 * Returns the {@code error.type} of a call: the API's error type for OpenRouter errors,
	 * {@code timeout} for timeouts, otherwise the exception's simple class name.
	 * @param context the context
	 * @return the error type, or {@code none} for calls that did not fail
	 */
	protected String errorTypeOf(MessagesObservationContext context) {
		Throwable error = context.getError();
		if (error == null || context.getOutcome() != Outcome.ERROR) {
			return NONE;
		}
		return ErrorTypes.of(error);
	}

	private KeyValue capped(LowCardinalityKeyNames key, @Nullable String value) {
		String name = key.asString();
		return KeyValue.of(name, (value != null && !value.isEmpty()) ? this.limiter.limit(name, value) : NONE);
	}

}
