package io.github.openrouter.spring.messages.tools;

import java.math.BigDecimal;
import java.util.function.BinaryOperator;

import io.github.openrouter.spring.messages.model.CacheCreation;
import io.github.openrouter.spring.messages.model.CostDetails;
import io.github.openrouter.spring.messages.model.OutputTokensDetails;
import io.github.openrouter.spring.messages.model.ServerToolUsage;
import io.github.openrouter.spring.messages.model.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The usage of several rounds of a tool loop as one report: counts and costs are added up (a
 * value stays {@code null} only when no round reported it), descriptive values (service tier,
 * geography, speed, BYOK) are the last round's, and the per-iteration breakdown is dropped, as it
 * belongs to one response.
 */
final class UsageSum {

	private UsageSum() {
	}

	static @Nullable Usage add(@Nullable Usage sum, @Nullable Usage round) {
		if (sum == null || round == null) {
			return (sum != null) ? sum : withoutIterations(round);
		}
		return new Usage(add(sum.inputTokens(), round.inputTokens()), add(sum.outputTokens(), round.outputTokens()),
				add(sum.cacheCreationInputTokens(), round.cacheCreationInputTokens()),
				add(sum.cacheReadInputTokens(), round.cacheReadInputTokens()),
				add(sum.cacheCreation(), round.cacheCreation(), UsageSum::add),
				add(sum.outputTokensDetails(), round.outputTokensDetails(), UsageSum::add),
				add(sum.serverToolUse(), round.serverToolUse(), UsageSum::add), last(sum.serviceTier(), round.serviceTier()),
				last(sum.inferenceGeo(), round.inferenceGeo()), last(sum.speed(), round.speed()), null,
				add(sum.cost(), round.cost()), add(sum.costDetails(), round.costDetails(), UsageSum::add),
				last(sum.isByok(), round.isByok()));
	}

	private static @Nullable Usage withoutIterations(@Nullable Usage usage) {
		if (usage == null || usage.iterations() == null) {
			return usage;
		}
		return add(new Usage(null, null, null, null, null, null, null, null, null, null, null, null, null, null), usage);
	}

	private static CacheCreation add(CacheCreation a, CacheCreation b) {
		return new CacheCreation(add(a.ephemeral5mInputTokens(), b.ephemeral5mInputTokens()),
				add(a.ephemeral1hInputTokens(), b.ephemeral1hInputTokens()));
	}

	private static OutputTokensDetails add(OutputTokensDetails a, OutputTokensDetails b) {
		return new OutputTokensDetails(add(a.thinkingTokens(), b.thinkingTokens()));
	}

	private static ServerToolUsage add(ServerToolUsage a, ServerToolUsage b) {
		return new ServerToolUsage(add(a.webSearchRequests(), b.webSearchRequests()),
				add(a.webFetchRequests(), b.webFetchRequests()));
	}

	private static CostDetails add(CostDetails a, CostDetails b) {
		return new CostDetails(add(a.upstreamInferencePromptCost(), b.upstreamInferencePromptCost()),
				add(a.upstreamInferenceCompletionsCost(), b.upstreamInferenceCompletionsCost()),
				add(a.upstreamInferenceCost(), b.upstreamInferenceCost()));
	}

	private static @Nullable Integer add(@Nullable Integer a, @Nullable Integer b) {
		return add(a, b, Integer::sum);
	}

	private static @Nullable BigDecimal add(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return add(a, b, BigDecimal::add);
	}

	private static <T> @Nullable T add(@Nullable T a, @Nullable T b, BinaryOperator<T> plus) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return plus.apply(a, b);
	}

	private static <T> @Nullable T last(@Nullable T earlier, @Nullable T later) {
		return (later != null) ? later : earlier;
	}

}
