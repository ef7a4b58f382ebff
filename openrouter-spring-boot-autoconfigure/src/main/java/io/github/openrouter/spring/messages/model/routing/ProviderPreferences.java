package io.github.openrouter.spring.messages.model.routing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Provider routing preferences ({@code provider}); every field is optional.
 *
 * @param order the {@code order} value, or {@code null}
 * @param allowFallbacks the {@code allow_fallbacks} value, or {@code null}
 * @param requireParameters the {@code require_parameters} value, or {@code null}
 * @param dataCollection the {@code data_collection} value (a {@link DataCollection#value()}), or
 * {@code null}
 * @param zdr the {@code zdr} value, or {@code null}
 * @param enforceDistillableText the {@code enforce_distillable_text} value, or {@code null}
 * @param only the {@code only} value, or {@code null}
 * @param ignore the {@code ignore} value, or {@code null}
 * @param quantizations the {@code quantizations} value (each a {@link Quantization#value()}), or
 * {@code null}
 * @param sort the {@code sort} value, or {@code null}
 * @param preferredMaxLatency the {@code preferred_max_latency} value, or {@code null}
 * @param preferredMinThroughput the {@code preferred_min_throughput} value, or {@code null}
 * @param maxPrice the {@code max_price} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderPreferences(@JsonProperty("order") @Nullable List<String> order,
		@JsonProperty("allow_fallbacks") @Nullable Boolean allowFallbacks,
		@JsonProperty("require_parameters") @Nullable Boolean requireParameters,
		@JsonProperty("data_collection") @Nullable String dataCollection,
		@JsonProperty("zdr") @Nullable Boolean zdr,
		@JsonProperty("enforce_distillable_text") @Nullable Boolean enforceDistillableText,
		@JsonProperty("only") @Nullable List<String> only,
		@JsonProperty("ignore") @Nullable List<String> ignore,
		@JsonProperty("quantizations") @Nullable List<String> quantizations,
		@JsonProperty("sort") @Nullable ProviderSort sort,
		@JsonProperty("preferred_max_latency") @Nullable PerformancePreference preferredMaxLatency,
		@JsonProperty("preferred_min_throughput") @Nullable PerformancePreference preferredMinThroughput,
		@JsonProperty("max_price") @Nullable MaxPrice maxPrice) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param order the {@code order} value, or {@code null}
	 * @param allowFallbacks the {@code allow_fallbacks} value, or {@code null}
	 * @param requireParameters the {@code require_parameters} value, or {@code null}
	 * @param dataCollection the {@code data_collection} value, or {@code null}
	 * @param zdr the {@code zdr} value, or {@code null}
	 * @param enforceDistillableText the {@code enforce_distillable_text} value, or {@code null}
	 * @param only the {@code only} value, or {@code null}
	 * @param ignore the {@code ignore} value, or {@code null}
	 * @param quantizations the {@code quantizations} value, or {@code null}
	 * @param sort the {@code sort} value, or {@code null}
	 * @param preferredMaxLatency the {@code preferred_max_latency} value, or {@code null}
	 * @param preferredMinThroughput the {@code preferred_min_throughput} value, or {@code null}
	 * @param maxPrice the {@code max_price} value, or {@code null}
	 */
	public ProviderPreferences {
		order = (order != null) ? List.copyOf(order) : null;
		only = (only != null) ? List.copyOf(only) : null;
		ignore = (ignore != null) ? List.copyOf(ignore) : null;
		quantizations = (quantizations != null) ? List.copyOf(quantizations) : null;
	}

	/**
	 * Returns an empty builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a builder initialised with the values of this instance.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.order = (this.order != null) ? new ArrayList<>(this.order) : null;
		builder.allowFallbacks = this.allowFallbacks;
		builder.requireParameters = this.requireParameters;
		builder.dataCollection = this.dataCollection;
		builder.zdr = this.zdr;
		builder.enforceDistillableText = this.enforceDistillableText;
		builder.only = (this.only != null) ? new ArrayList<>(this.only) : null;
		builder.ignore = (this.ignore != null) ? new ArrayList<>(this.ignore) : null;
		builder.quantizations = (this.quantizations != null) ? new ArrayList<>(this.quantizations) : null;
		builder.sort = this.sort;
		builder.preferredMaxLatency = this.preferredMaxLatency;
		builder.preferredMinThroughput = this.preferredMinThroughput;
		builder.maxPrice = this.maxPrice;
		return builder;
	}

	/**
	 * Builder for {@link ProviderPreferences}.
	 */
	public static final class Builder {

		private @Nullable List<String> order;

		private @Nullable Boolean allowFallbacks;

		private @Nullable Boolean requireParameters;

		private @Nullable String dataCollection;

		private @Nullable Boolean zdr;

		private @Nullable Boolean enforceDistillableText;

		private @Nullable List<String> only;

		private @Nullable List<String> ignore;

		private @Nullable List<String> quantizations;

		private @Nullable ProviderSort sort;

		private @Nullable PerformancePreference preferredMaxLatency;

		private @Nullable PerformancePreference preferredMinThroughput;

		private @Nullable MaxPrice maxPrice;

		private Builder() {
		}

		/**
		 * Sets {@code order}.
		 * @param order the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder order(@Nullable List<String> order) {
			this.order = (order != null) ? new ArrayList<>(order) : null;
			return this;
		}

		/**
		 * Sets {@code allow_fallbacks}.
		 * @param allowFallbacks the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder allowFallbacks(@Nullable Boolean allowFallbacks) {
			this.allowFallbacks = allowFallbacks;
			return this;
		}

		/**
		 * Sets {@code require_parameters}.
		 * @param requireParameters the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder requireParameters(@Nullable Boolean requireParameters) {
			this.requireParameters = requireParameters;
			return this;
		}

		/**
		 * Sets {@code data_collection}.
		 * @param dataCollection the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder dataCollection(@Nullable String dataCollection) {
			this.dataCollection = dataCollection;
			return this;
		}

		/**
		 * Sets {@code zdr}.
		 * @param zdr the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder zdr(@Nullable Boolean zdr) {
			this.zdr = zdr;
			return this;
		}

		/**
		 * Sets {@code enforce_distillable_text}.
		 * @param enforceDistillableText the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder enforceDistillableText(@Nullable Boolean enforceDistillableText) {
			this.enforceDistillableText = enforceDistillableText;
			return this;
		}

		/**
		 * Sets {@code only}.
		 * @param only the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder only(@Nullable List<String> only) {
			this.only = (only != null) ? new ArrayList<>(only) : null;
			return this;
		}

		/**
		 * Sets {@code ignore}.
		 * @param ignore the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder ignore(@Nullable List<String> ignore) {
			this.ignore = (ignore != null) ? new ArrayList<>(ignore) : null;
			return this;
		}

		/**
		 * Sets {@code quantizations}.
		 * @param quantizations the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder quantizations(@Nullable List<String> quantizations) {
			this.quantizations = (quantizations != null) ? new ArrayList<>(quantizations) : null;
			return this;
		}

		/**
		 * Sets {@code sort}.
		 * @param sort the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder sort(@Nullable ProviderSort sort) {
			this.sort = sort;
			return this;
		}

		/**
		 * Sets {@code preferred_max_latency}.
		 * @param preferredMaxLatency the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder preferredMaxLatency(@Nullable PerformancePreference preferredMaxLatency) {
			this.preferredMaxLatency = preferredMaxLatency;
			return this;
		}

		/**
		 * Sets {@code preferred_min_throughput}.
		 * @param preferredMinThroughput the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder preferredMinThroughput(@Nullable PerformancePreference preferredMinThroughput) {
			this.preferredMinThroughput = preferredMinThroughput;
			return this;
		}

		/**
		 * Sets {@code max_price}.
		 * @param maxPrice the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder maxPrice(@Nullable MaxPrice maxPrice) {
			this.maxPrice = maxPrice;
			return this;
		}

		/**
		 * Builds the instance.
		 * @return the new instance
		 */
		public ProviderPreferences build() {
			return new ProviderPreferences(this.order, this.allowFallbacks, this.requireParameters, this.dataCollection, this.zdr, this.enforceDistillableText, this.only, this.ignore, this.quantizations, this.sort, this.preferredMaxLatency, this.preferredMinThroughput, this.maxPrice);
		}

	}

}
