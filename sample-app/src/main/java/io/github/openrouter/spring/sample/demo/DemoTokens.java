package io.github.openrouter.spring.sample.demo;

import java.math.BigDecimal;

/**
 * Deterministic token arithmetic of the demo stub: one token per whitespace-separated word, and a
 * fixed price per token.
 *
 * @since 0.1.0
 */
public final class DemoTokens {

	/** Tokens an image costs, whatever its size. */
	public static final int IMAGE_TOKENS = 85;

	/** Tokens a document (PDF, text or URL) costs, whatever its length. */
	public static final int DOCUMENT_TOKENS = 100;

	/** Price of one uncached input token in USD (3 USD per million). */
	public static final BigDecimal INPUT_PRICE = new BigDecimal("0.000003");

	/** Price of one output token in USD (15 USD per million). */
	public static final BigDecimal OUTPUT_PRICE = new BigDecimal("0.000015");

	/** Price of one token written to the cache in USD (3.75 USD per million). */
	public static final BigDecimal CACHE_WRITE_PRICE = new BigDecimal("0.00000375");

	/** Price of one token read from the cache in USD (0.30 USD per million). */
	public static final BigDecimal CACHE_READ_PRICE = new BigDecimal("0.0000003");

	private DemoTokens() {
	}

	/**
	 * Counts the tokens of a text: its whitespace-separated words.
	 * @param text the text
	 * @return the number of words, 0 for blank text
	 */
	public static int count(String text) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				words++;
			}
			inWord = !space;
		}
		return words;
	}

	/**
	 * Computes the cost of a call in USD.
	 * @param inputTokens uncached input tokens
	 * @param outputTokens output tokens
	 * @param cacheWriteTokens input tokens written to the cache
	 * @param cacheReadTokens input tokens read from the cache
	 * @return the cost in USD
	 */
	public static BigDecimal cost(int inputTokens, int outputTokens, int cacheWriteTokens, int cacheReadTokens) {
		return INPUT_PRICE.multiply(BigDecimal.valueOf(inputTokens))
			.add(OUTPUT_PRICE.multiply(BigDecimal.valueOf(outputTokens)))
			.add(CACHE_WRITE_PRICE.multiply(BigDecimal.valueOf(cacheWriteTokens)))
			.add(CACHE_READ_PRICE.multiply(BigDecimal.valueOf(cacheReadTokens)))
			.stripTrailingZeros();
	}

}
