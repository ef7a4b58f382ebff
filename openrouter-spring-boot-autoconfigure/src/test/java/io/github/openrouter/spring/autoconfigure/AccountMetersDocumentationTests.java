package io.github.openrouter.spring.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the account section of {@code docs/METERS.md} lists exactly the meters of
 * {@link AccountMetrics}.
 */
class AccountMetersDocumentationTests {

	@Test
	void shouldListEveryAccountMeterOnceAndNoOther() throws IOException {
		String document = Files.readString(Path.of("..", "docs", "METERS.md"), StandardCharsets.UTF_8);
		String section = document.substring(document.indexOf("### Account meters"));

		List<String> documented = section.lines()
			.filter((line) -> line.startsWith("| `"))
			.map((line) -> line.substring(3, line.indexOf('`', 3)))
			.toList();

		assertThat(documented).containsExactlyInAnyOrder(AccountMetrics.KEY_USAGE, AccountMetrics.KEY_BYOK_USAGE,
				AccountMetrics.KEY_LIMIT, AccountMetrics.KEY_LIMIT_REMAINING, AccountMetrics.KEY_EXPIRY,
				AccountMetrics.ACCOUNT_CREDITS, AccountMetrics.REFRESH_FAILURES);
		assertThat(section).contains("`" + AccountMetrics.PERIOD + "`", "`" + AccountMetrics.CREDITS_TYPE + "`",
				"`" + AccountMetrics.CALL + "`");
	}

}
