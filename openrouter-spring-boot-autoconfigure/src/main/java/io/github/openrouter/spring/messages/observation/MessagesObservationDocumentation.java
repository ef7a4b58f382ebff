package io.github.openrouter.spring.messages.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the observation of a messages call, named after the OpenTelemetry GenAI conventions.
 *
 * @since 0.1.0
 */
public enum MessagesObservationDocumentation implements ObservationDocumentation {

	/**
	 * One {@code create} or {@code stream} call, from subscription to its last signal.
	 */
	MESSAGES_CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMessagesObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys: they become meter tags, so every value is bounded.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Operation name, always {@code chat}.
		 */
		OPERATION_NAME {
			@Override
			public String asString() {
				return "gen_ai.operation.name";
			}
		},

		/**
		 * GenAI provider, always {@code openrouter}.
		 */
		PROVIDER_NAME {
			@Override
			public String asString() {
				return "gen_ai.provider.name";
			}
		},

		/**
		 * Model slug the request asked for (capped; overflow is {@code _OTHER}).
		 */
		REQUEST_MODEL {
			@Override
			public String asString() {
				return "gen_ai.request.model";
			}
		},

		/**
		 * Model that served the request (capped; {@code none} when there was no response).
		 */
		RESPONSE_MODEL {
			@Override
			public String asString() {
				return "gen_ai.response.model";
			}
		},

		/**
		 * Host name of the OpenRouter endpoint.
		 */
		SERVER_ADDRESS {
			@Override
			public String asString() {
				return "server.address";
			}
		},

		/**
		 * Error type of a failed call, or {@code none}.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		},

		/**
		 * How the call ended: {@code success}, {@code error} or {@code cancelled}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

	/**
	 * High-cardinality keys: span attributes only, never meter tags; never prompt text, ids, user or session.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Maximum number of tokens the request allows.
		 */
		REQUEST_MAX_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.request.max_tokens";
			}
		},

		/**
		 * Sampling temperature of the request.
		 */
		REQUEST_TEMPERATURE {
			@Override
			public String asString() {
				return "gen_ai.request.temperature";
			}
		},

		/**
		 * Output type the request asks for: {@code json} when it sends a JSON schema as
		 * {@code output_config.format}; absent otherwise. Never the schema itself.
		 */
		OUTPUT_TYPE {
			@Override
			public String asString() {
				return "gen_ai.output.type";
			}
		},

		/**
		 * Stop reason of the response.
		 */
		RESPONSE_FINISH_REASONS {
			@Override
			public String asString() {
				return "gen_ai.response.finish_reasons";
			}
		},

		/**
		 * Input tokens, including cache reads and cache writes.
		 */
		USAGE_INPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.input_tokens";
			}
		},

		/**
		 * Output tokens.
		 */
		USAGE_OUTPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.output_tokens";
			}
		},

		/**
		 * Provider that OpenRouter routed the call to (unbounded on spans).
		 */
		OPENROUTER_PROVIDER {
			@Override
			public String asString() {
				return "openrouter.provider";
			}
		},

		/**
		 * Cost of the call in USD, when the response reports it.
		 */
		OPENROUTER_COST {
			@Override
			public String asString() {
				return "openrouter.cost";
			}
		}

	}

}
