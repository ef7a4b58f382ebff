package io.github.openrouter.spring.messages.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Type of an OpenRouter pipeline stage; an open set, so values this version does not know are kept as they are.
 *
 * @param value the wire value
 * @since 0.1.0
 */
public record PipelineStageType(@JsonValue String value) {

	/** The {@code guardrail} value. */
	public static final PipelineStageType GUARDRAIL = new PipelineStageType("guardrail");

	/** The {@code plugin} value. */
	public static final PipelineStageType PLUGIN = new PipelineStageType("plugin");

	/** The {@code server_tools} value. */
	public static final PipelineStageType SERVER_TOOLS = new PipelineStageType("server_tools");

	/** The {@code response_healing} value. */
	public static final PipelineStageType RESPONSE_HEALING = new PipelineStageType("response_healing");

	/** The {@code context_compression} value. */
	public static final PipelineStageType CONTEXT_COMPRESSION = new PipelineStageType("context_compression");

	private static final List<PipelineStageType> KNOWN = List.of(GUARDRAIL, PLUGIN, SERVER_TOOLS, RESPONSE_HEALING, CONTEXT_COMPRESSION);

	/**
	 * Creates a value, checking that it is not null.
	 * @param value the wire value
	 */
	public PipelineStageType {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns the value for a wire string, reusing the constant when there is one.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static PipelineStageType of(String value) {
		for (PipelineStageType known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new PipelineStageType(value);
	}

	/**
	 * Returns whether this value is one this version of the library knows.
	 * @return {@code true} for a known value
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
