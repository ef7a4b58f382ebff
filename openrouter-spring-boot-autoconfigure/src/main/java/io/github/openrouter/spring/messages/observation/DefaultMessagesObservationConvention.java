package io.github.openrouter.spring.messages.observation;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	private static final KeyValue[] OUTCOMES = outcomes();

	private static final String JSON_SCHEMA = "json_schema";

	private static final KeyValue OUTPUT_TYPE_JSON = HighCardinalityKeyNames.OUTPUT_TYPE.withValue("json");

	/**
	 * Most entries of each cache below; past it, values are built per call.
	 */
	private static final int MAX_CACHED_VALUES = 256;

	/**
	 * Contextual names by requested model, so that a call does not concatenate its own.
	 */
	private final Map<String, String> contextualNames = new ConcurrentHashMap<>();

	/**
	 * {@code gen_ai.request.max_tokens} key values by value (built at start and at stop otherwise).
	 */
	private final Map<Object, KeyValue> maxTokens = new ConcurrentHashMap<>();

	/**
	 * {@code gen_ai.request.temperature} key values by value.
	 */
	private final Map<Object, KeyValue> temperatures = new ConcurrentHashMap<>();

	private final CappedKey requestModel;

	private final CappedKey responseModel;

	private final CappedKey serverAddress;

	private final CappedKey errorType;

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
		TagValueLimiter limiter = new TagValueLimiter(maxTagValues);
		this.requestModel = new CappedKey(LowCardinalityKeyNames.REQUEST_MODEL, limiter);
		this.responseModel = new CappedKey(LowCardinalityKeyNames.RESPONSE_MODEL, limiter);
		this.serverAddress = new CappedKey(LowCardinalityKeyNames.SERVER_ADDRESS, limiter);
		this.errorType = new CappedKey(LowCardinalityKeyNames.ERROR_TYPE, limiter);
	}

	private static KeyValue[] outcomes() {
		Outcome[] outcomes = Outcome.values();
		KeyValue[] keyValues = new KeyValue[outcomes.length];
		for (Outcome outcome : outcomes) {
			keyValues[outcome.ordinal()] = KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome.value());
		}
		return keyValues;
	}

	@Override
	public String getName() {
		return DEFAULT_NAME;
	}

	@Override
	public String getContextualName(MessagesObservationContext context) {
		String model = context.getRequestModel();
		if (model == null) {
			return "chat";
		}
		String name = this.contextualNames.get(model);
		if (name == null) {
			name = "chat " + model;
			if (this.contextualNames.size() < MAX_CACHED_VALUES) {
				this.contextualNames.putIfAbsent(model, name);
			}
		}
		return name;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MessagesObservationContext context) {
		MessageResponse response = context.getResponse();
		// In key order, so that KeyValues need not sort them.
		return KeyValues.of(this.errorType.of(errorTypeOf(context)), OPERATION_CHAT, PROVIDER_OPENROUTER,
				this.requestModel.of(context.getRequestModel()),
				this.responseModel.of((response != null) ? response.model() : null),
				OUTCOMES[context.getOutcome().ordinal()], this.serverAddress.of(context.getServerAddress()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MessagesObservationContext context) {
		KeyValue[] keyValues = new KeyValue[HighCardinalityKeyNames.values().length];
		int count = 0;
		MessageRequest request = context.getRequest();
		if (request.maxTokens() != null) {
			keyValues[count++] = cached(this.maxTokens, HighCardinalityKeyNames.REQUEST_MAX_TOKENS, request.maxTokens());
		}
		if (request.temperature() != null) {
			keyValues[count++] = cached(this.temperatures, HighCardinalityKeyNames.REQUEST_TEMPERATURE,
					request.temperature());
		}
		if (request.outputConfig() != null && request.outputConfig().format() != null
				&& JSON_SCHEMA.equals(request.outputConfig().format().type())) {
			keyValues[count++] = OUTPUT_TYPE_JSON;
		}
		ResponseFacts facts = context.responseFacts();
		if (facts != null) {
			if (facts.stopReason() != null) {
				keyValues[count++] = HighCardinalityKeyNames.RESPONSE_FINISH_REASONS.withValue(facts.stopReason());
			}
			if (facts.hasUsage()) {
				keyValues[count++] = HighCardinalityKeyNames.USAGE_INPUT_TOKENS
					.withValue(String.valueOf(facts.totalInputTokens()));
				keyValues[count++] = HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS
					.withValue(String.valueOf(facts.totalOutputTokens()));
			}
			if (facts.provider() != null) {
				keyValues[count++] = HighCardinalityKeyNames.OPENROUTER_PROVIDER.withValue(facts.provider());
			}
			if (facts.cost() != null) {
				keyValues[count++] = HighCardinalityKeyNames.OPENROUTER_COST.withValue(String.valueOf(facts.cost()));
			}
		}
		if (count == 0) {
			return KeyValues.empty();
		}
		return KeyValues.of((count < keyValues.length) ? Arrays.copyOf(keyValues, count) : keyValues);
	}

	private static KeyValue cached(Map<Object, KeyValue> cache, HighCardinalityKeyNames key, Object value) {
		KeyValue keyValue = cache.get(value);
		if (keyValue == null) {
			keyValue = key.withValue(String.valueOf(value));
			if (cache.size() < MAX_CACHED_VALUES) {
				cache.putIfAbsent(value, keyValue);
			}
		}
		return keyValue;
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

	/**
	 * The values of one capped key: values within the limit map to one shared {@link KeyValue}
	 * each, so that a call allocates none for them; later values map to {@code _OTHER}.
	 */
	private static final class CappedKey {

		private final String name;

		private final TagValueLimiter limiter;

		private final KeyValue none;

		private final KeyValue other;

		private final Map<String, KeyValue> accepted = new ConcurrentHashMap<>();

		CappedKey(LowCardinalityKeyNames key, TagValueLimiter limiter) {
			this.name = key.asString();
			this.limiter = limiter;
			this.none = KeyValue.of(this.name, NONE);
			this.other = KeyValue.of(this.name, OTHER);
		}

		KeyValue of(@Nullable String value) {
			if (value == null || value.isEmpty()) {
				return this.none;
			}
			KeyValue keyValue = this.accepted.get(value);
			if (keyValue != null) {
				return keyValue;
			}
			if (!value.equals(this.limiter.limit(this.name, value))) {
				return this.other;
			}
			// Bounded: the limiter accepts at most its maximum of values per key.
			return this.accepted.computeIfAbsent(value, (accepted) -> KeyValue.of(this.name, accepted));
		}

	}

}
