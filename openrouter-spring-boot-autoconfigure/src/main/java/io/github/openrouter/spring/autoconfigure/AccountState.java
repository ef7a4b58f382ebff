package io.github.openrouter.spring.autoconfigure;

import java.time.Instant;

import io.github.openrouter.spring.account.Credits;
import io.github.openrouter.spring.account.KeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * What the last refreshes learned about the account: the last values read (kept when a later
 * refresh fails) and how the last attempt ended.
 *
 * @param key the key's info from the last successful read, or {@code null} before one
 * @param credits the balance from the last successful read, or {@code null} (also without a
 * management key)
 * @param refreshedAt when the key was last read successfully, or {@code null}
 * @param keyRejected whether a read of the key was answered 401 or 403 and none succeeded since
 * @param lastError the error type of the last failed read, or {@code null} if the last read succeeded
 * @param lastErrorAt when the last read failed, or {@code null}
 */
record AccountState(@Nullable KeyInfo key, @Nullable Credits credits, @Nullable Instant refreshedAt,
		boolean keyRejected, @Nullable String lastError, @Nullable Instant lastErrorAt) {

	static final AccountState NONE = new AccountState(null, null, null, false, null, null);

	AccountState withKey(KeyInfo key, Instant now) {
		return new AccountState(key, this.credits, now, false, null, null);
	}

	AccountState withCredits(Credits credits) {
		return new AccountState(this.key, credits, this.refreshedAt, this.keyRejected, this.lastError,
				this.lastErrorAt);
	}

	AccountState withFailure(String errorType, boolean rejected, Instant now) {
		return new AccountState(this.key, this.credits, this.refreshedAt, rejected || this.keyRejected, errorType,
				now);
	}

}
