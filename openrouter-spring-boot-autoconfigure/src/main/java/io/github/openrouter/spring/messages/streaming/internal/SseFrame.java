package io.github.openrouter.spring.messages.streaming.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event, or one {@code :} comment line, as cut out of a byte stream by
 * {@link SseFrameDecoder}.
 *
 * <p>
 * An event frame has the {@code data} lines joined by {@code \n} as raw UTF-8 bytes (not yet
 * decoded to a {@link String}, so that JSON can be parsed straight from them), its
 * {@code event} name if any, and the last {@code id} seen on the stream. A comment frame only
 * carries the comment text; OpenRouter sends {@code : OPENROUTER PROCESSING} as a keep-alive.
 *
 * @since 0.1.0
 */
public final class SseFrame {

	private static final byte[] NO_DATA = new byte[0];

	private final @Nullable String event;

	private final byte[] data;

	private final @Nullable String id;

	private final @Nullable String comment;

	private SseFrame(@Nullable String event, byte[] data, @Nullable String id, @Nullable String comment) {
		this.event = event;
		this.data = data;
		this.id = id;
		this.comment = comment;
	}

	/**
	 * Creates an event frame.
	 * @param event the {@code event:} name, or {@code null} when the frame had none
	 * @param data the {@code data:} lines joined by {@code \n}, as UTF-8 bytes (not copied)
	 * @param id the last {@code id:} seen on the stream, or {@code null}
	 * @return the frame
	 */
	public static SseFrame event(@Nullable String event, byte[] data, @Nullable String id) {
		return new SseFrame(event, Objects.requireNonNull(data, "data"), id, null);
	}

	/**
	 * Creates a comment frame.
	 * @param comment the comment text after the colon, without one leading space
	 * @return the frame
	 */
	public static SseFrame comment(String comment) {
		return new SseFrame(null, NO_DATA, null, Objects.requireNonNull(comment, "comment"));
	}

	/**
	 * Returns whether this is a {@code :} comment line rather than an event.
	 * @return {@code true} for a comment
	 */
	public boolean isComment() {
		return this.comment != null;
	}

	/**
	 * Returns the comment text.
	 * @return the comment, or {@code null} for an event frame
	 */
	public @Nullable String comment() {
		return this.comment;
	}

	/**
	 * Returns the {@code event:} name.
	 * @return the name, or {@code null} when the frame had none (or for a comment)
	 */
	public @Nullable String event() {
		return this.event;
	}

	/**
	 * Returns the data as UTF-8 bytes; callers must not modify the array.
	 * @return the data (empty for a comment)
	 */
	public byte[] data() {
		return this.data;
	}

	/**
	 * Returns the data decoded as UTF-8.
	 * @return the data as text
	 */
	public String dataAsString() {
		return new String(this.data, StandardCharsets.UTF_8);
	}

	/**
	 * Returns the last {@code id:} seen on the stream up to this frame.
	 * @return the id, or {@code null}
	 */
	public @Nullable String id() {
		return this.id;
	}

	/**
	 * Returns whether the data is exactly the given ASCII text, without decoding it.
	 * @param text the text to compare with, ASCII only
	 * @return {@code true} if the data equals the text
	 */
	boolean dataEquals(String text) {
		if (this.data.length != text.length()) {
			return false;
		}
		for (int i = 0; i < this.data.length; i++) {
			if (this.data[i] != (byte) text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof SseFrame that)) {
			return false;
		}
		return Objects.equals(this.event, that.event) && Arrays.equals(this.data, that.data)
				&& Objects.equals(this.id, that.id) && Objects.equals(this.comment, that.comment);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.event, Arrays.hashCode(this.data), this.id, this.comment);
	}

	@Override
	public String toString() {
		if (this.comment != null) {
			return "SseFrame[comment=" + this.comment + "]";
		}
		return "SseFrame[event=" + this.event + ", id=" + this.id + ", data=" + dataAsString() + "]";
	}

}
