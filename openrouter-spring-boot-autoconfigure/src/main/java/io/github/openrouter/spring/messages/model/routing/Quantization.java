package io.github.openrouter.spring.messages.model.routing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Values of {@code provider.quantizations}: quantization levels of a model's weights.
 *
 * @since 0.1.0
 */
public enum Quantization {

	/**
	 * 4-bit integer.
	 */
	INT4,

	/**
	 * 8-bit integer.
	 */
	INT8,

	/**
	 * 4-bit floating point.
	 */
	FP4,

	/**
	 * 4-bit microscaling floating point.
	 */
	MXFP4,

	/**
	 * NVIDIA 4-bit floating point.
	 */
	NVFP4,

	/**
	 * 6-bit floating point.
	 */
	FP6,

	/**
	 * 8-bit floating point.
	 */
	FP8,

	/**
	 * 8-bit microscaling floating point.
	 */
	MXFP8,

	/**
	 * 16-bit floating point.
	 */
	FP16,

	/**
	 * 16-bit brain floating point.
	 */
	BF16,

	/**
	 * 32-bit floating point.
	 */
	FP32,

	/**
	 * Quantization not reported by the provider.
	 */
	UNKNOWN;

	/**
	 * Returns the wire value, the lower-case name.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
