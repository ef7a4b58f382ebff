package io.github.openrouter.spring.messages.streaming;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Incremental decoder that cuts a byte stream of server-sent events into {@link SseFrame}s.
 *
 * <p>
 * Feed it chunks as they arrive, split anywhere (inside a line ending, inside a multi-byte
 * UTF-8 character), then call {@link #finish()} at the end of the body. It accepts LF, CRLF
 * and CR line endings, a UTF-8 byte order mark at the very start, {@code :} comment lines
 * (returned as comment frames so callers can see keep-alives), several {@code data:} lines
 * joined by {@code \n}, and {@code event:}, {@code id:}, {@code retry:} and unknown fields
 * (the last two are ignored). One space after the colon is removed. A final event that is
 * not followed by a blank line is still returned by {@link #finish()}.
 *
 * <p>
 * Data stays bytes: nothing is decoded to a {@link String} except event names, ids and
 * comments. One frame, including the line being read, may not exceed the limit given at
 * construction ({@link #DEFAULT_MAX_FRAME_BYTES} by default); beyond it the decoder throws
 * {@link SseFrameTooLargeException} instead of buffering without bound.
 *
 * <p>
 * Not thread-safe: use one instance per stream, fed from one thread at a time (as Reactor
 * operators do).
 *
 * @since 0.1.0
 */
public final class SseFrameDecoder {

	/** Default limit of one frame: 16 MiB. */
	public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

	private static final byte LF = '\n';

	private static final byte CR = '\r';

	private static final byte COLON = ':';

	private static final byte SPACE = ' ';

	private static final byte[] FIELD_DATA = ascii("data");

	private static final byte[] FIELD_EVENT = ascii("event");

	private static final byte[] FIELD_ID = ascii("id");

	private final int maxFrameBytes;

	/** Bytes of the current line that arrived in earlier chunks. */
	private byte[] line = new byte[128];

	private int lineLength;

	/** The {@code data:} lines of the current frame, joined by LF. */
	private byte[] data = new byte[512];

	private int dataLength;

	private boolean hasData;

	private @Nullable String event;

	private @Nullable String lastId;

	/** Whether the previous byte ended a line with CR, so that a following LF is skipped. */
	private boolean afterCr;

	private boolean firstLine = true;

	private boolean finished;

	private byte @Nullable [] scratch;

	/**
	 * Creates a decoder with the default frame limit of 16 MiB.
	 */
	public SseFrameDecoder() {
		this(DEFAULT_MAX_FRAME_BYTES);
	}

	/**
	 * Creates a decoder with the given frame limit.
	 * @param maxFrameBytes the largest frame (data plus the line being read), in bytes
	 */
	public SseFrameDecoder(int maxFrameBytes) {
		if (maxFrameBytes <= 0) {
			throw new IllegalArgumentException("maxFrameBytes must be positive but was " + maxFrameBytes);
		}
		this.maxFrameBytes = maxFrameBytes;
	}

	/**
	 * Decodes the readable bytes of a buffer; does not change or release the buffer.
	 * @param buffer the next chunk of the body
	 * @return the frames completed by this chunk, possibly none
	 */
	public List<SseFrame> decode(DataBuffer buffer) {
		List<SseFrame> frames = new ArrayList<>(4);
		try (DataBuffer.ByteBufferIterator iterator = buffer.readableByteBuffers()) {
			while (iterator.hasNext()) {
				ByteBuffer byteBuffer = iterator.next();
				int length = byteBuffer.remaining();
				if (byteBuffer.hasArray()) {
					decode(byteBuffer.array(), byteBuffer.arrayOffset() + byteBuffer.position(), length, frames);
				}
				else {
					byte[] bytes = scratch(length);
					byteBuffer.get(bytes, 0, length);
					decode(bytes, 0, length, frames);
				}
			}
		}
		return frames;
	}

	/**
	 * Decodes a chunk of bytes.
	 * @param bytes the array holding the chunk
	 * @param offset where the chunk starts
	 * @param length how many bytes it has
	 * @return the frames completed by this chunk, possibly none
	 */
	public List<SseFrame> decode(byte[] bytes, int offset, int length) {
		List<SseFrame> frames = new ArrayList<>(4);
		decode(bytes, offset, length, frames);
		return frames;
	}

	/**
	 * Ends the stream: completes a last line and a last event that had no blank line after
	 * them. Further calls to {@code decode} fail.
	 * @return the last frame, if the body ended inside one
	 */
	public List<SseFrame> finish() {
		List<SseFrame> frames = new ArrayList<>(1);
		if (!this.finished) {
			this.finished = true;
			if (this.lineLength > 0) {
				processLine(this.line, 0, this.lineLength, frames);
				this.lineLength = 0;
			}
			dispatch(frames);
		}
		return frames;
	}

	/**
	 * Returns whether bytes of an unfinished line or event are buffered, that is, whether the
	 * body so far ends in the middle of an event.
	 * @return {@code true} if a partial line or event is pending
	 */
	public boolean hasPendingData() {
		return this.lineLength > 0 || this.hasData;
	}

	private void decode(byte[] bytes, int offset, int length, List<SseFrame> frames) {
		if (this.finished) {
			throw new IllegalStateException("Decoder already finished");
		}
		int end = offset + length;
		int lineStart = offset;
		for (int i = offset; i < end; i++) {
			byte b = bytes[i];
			if (this.afterCr) {
				this.afterCr = false;
				if (b == LF) {
					lineStart = i + 1;
					continue;
				}
			}
			if (b == LF || b == CR) {
				this.afterCr = (b == CR);
				if (this.lineLength == 0) {
					checkLimit(i - lineStart);
					processLine(bytes, lineStart, i - lineStart, frames);
				}
				else {
					appendToLine(bytes, lineStart, i - lineStart);
					processLine(this.line, 0, this.lineLength, frames);
					this.lineLength = 0;
				}
				lineStart = i + 1;
			}
		}
		if (lineStart < end) {
			appendToLine(bytes, lineStart, end - lineStart);
		}
	}

	private void processLine(byte[] bytes, int offset, int length, List<SseFrame> frames) {
		if (this.firstLine) {
			this.firstLine = false;
			if (length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
					&& bytes[offset + 2] == (byte) 0xBF) {
				offset += 3;
				length -= 3;
			}
		}
		if (length == 0) {
			dispatch(frames);
			return;
		}
		int end = offset + length;
		if (bytes[offset] == COLON) {
			int start = offset + 1;
			if (start < end && bytes[start] == SPACE) {
				start++;
			}
			frames.add(SseFrame.comment(new String(bytes, start, end - start, StandardCharsets.UTF_8)));
			return;
		}
		int colon = offset;
		while (colon < end && bytes[colon] != COLON) {
			colon++;
		}
		int fieldLength = colon - offset;
		int valueStart = Math.min(colon + 1, end);
		if (valueStart < end && bytes[valueStart] == SPACE) {
			valueStart++;
		}
		int valueLength = end - valueStart;
		if (fieldEquals(bytes, offset, fieldLength, FIELD_DATA)) {
			appendData(bytes, valueStart, valueLength);
		}
		else if (fieldEquals(bytes, offset, fieldLength, FIELD_EVENT)) {
			this.event = new String(bytes, valueStart, valueLength, StandardCharsets.UTF_8);
		}
		else if (fieldEquals(bytes, offset, fieldLength, FIELD_ID)) {
			if (indexOf(bytes, valueStart, end, (byte) 0) < 0) {
				this.lastId = new String(bytes, valueStart, valueLength, StandardCharsets.UTF_8);
			}
		}
		// retry and unknown fields are ignored, as the SSE specification says
	}

	private void dispatch(List<SseFrame> frames) {
		if (this.hasData) {
			frames.add(SseFrame.event(this.event, Arrays.copyOf(this.data, this.dataLength), this.lastId));
		}
		this.hasData = false;
		this.dataLength = 0;
		this.event = null;
	}

	private void appendData(byte[] bytes, int offset, int length) {
		int needed = this.dataLength + (this.hasData ? 1 : 0) + length;
		checkLimit(needed - this.dataLength);
		if (needed > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(needed, Math.min(this.data.length * 2, this.maxFrameBytes)));
		}
		if (this.hasData) {
			this.data[this.dataLength++] = LF;
		}
		System.arraycopy(bytes, offset, this.data, this.dataLength, length);
		this.dataLength += length;
		this.hasData = true;
	}

	private void appendToLine(byte[] bytes, int offset, int length) {
		checkLimit(this.lineLength + length);
		int needed = this.lineLength + length;
		if (needed > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(needed, Math.min(this.line.length * 2, this.maxFrameBytes)));
		}
		System.arraycopy(bytes, offset, this.line, this.lineLength, length);
		this.lineLength = needed;
	}

	private void checkLimit(int additional) {
		if ((long) this.dataLength + additional > this.maxFrameBytes) {
			throw new SseFrameTooLargeException(this.maxFrameBytes);
		}
	}

	private byte[] scratch(int length) {
		byte[] bytes = this.scratch;
		if (bytes == null || bytes.length < length) {
			bytes = new byte[Math.max(length, 8192)];
			this.scratch = bytes;
		}
		return bytes;
	}

	private static boolean fieldEquals(byte[] bytes, int offset, int length, byte[] field) {
		if (length != field.length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (bytes[offset + i] != field[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] bytes, int from, int to, byte value) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
