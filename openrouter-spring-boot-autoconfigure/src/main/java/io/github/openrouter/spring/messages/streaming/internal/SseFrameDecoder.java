package io.github.openrouter.spring.messages.streaming.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.openrouter.spring.messages.streaming.SseFrameTooLargeException;
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
 * Two ways to receive frames: the {@code decode} methods that return {@link SseFrame}s copy
 * each frame's data into its own array; those that take a {@link Handler} do not copy the
 * data of a frame whose single {@code data:} line lies within one chunk (the usual case)
 * and hand the handler the chunk's own bytes instead, valid only during the call. Only
 * lines that span chunks and frames with several {@code data:} lines are copied, into a
 * buffer of the decoder.
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

	private static final byte[] NO_BYTES = new byte[0];

	/** Event names of the Messages API, reused instead of decoding a new string per event. */
	private static final String[] KNOWN_EVENTS = { "content_block_delta", "content_block_start",
			"content_block_stop", "message_start", "message_delta", "message_stop", "ping", "error" };

	/** The bytes of {@link #KNOWN_EVENTS}, compared as whole ranges rather than char by char. */
	private static final byte[][] KNOWN_EVENT_BYTES = Arrays.stream(KNOWN_EVENTS)
		.map(SseFrameDecoder::ascii)
		.toArray(byte[][]::new);

	/** Reads eight bytes at a time, lowest address in the lowest byte. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long LFS = ONES * LF;

	private static final long CRS = ONES * CR;

	/** Copies of direct buffers, lent to one decoding call at a time on each thread. */
	private static final ThreadLocal<byte @Nullable []> SCRATCH = new ThreadLocal<>();

	private static final int SCRATCH_BYTES = 16 * 1024;

	private final int maxFrameBytes;

	/** Bytes of the current line that arrived in earlier chunks. */
	private byte[] line = NO_BYTES;

	private int lineLength;

	/** The {@code data:} lines of the current frame, joined by LF, once they had to be copied. */
	private byte[] data = NO_BYTES;

	private int dataLength;

	private boolean hasData;

	/**
	 * The single {@code data:} value of the current frame while it is still in the chunk being
	 * decoded (not copied); {@code null} once copied to {@link #data} or when there is none.
	 */
	private byte @Nullable [] pendingBytes;

	private int pendingOffset;

	private int pendingLength;

	private @Nullable String event;

	private @Nullable String lastId;

	/** Whether the previous byte ended a line with CR, so that a following LF is skipped. */
	private boolean afterCr;

	private boolean firstLine = true;

	private boolean finished;

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
	 * @return the frames completed by this chunk, possibly none, each with its own copy of
	 * the data
	 */
	public List<SseFrame> decode(DataBuffer buffer) {
		FrameCollector frames = new FrameCollector(4);
		decode(buffer, frames);
		return frames.frames;
	}

	/**
	 * Decodes the readable bytes of a buffer, handing each completed frame to the handler
	 * before returning; does not change or release the buffer.
	 * @param buffer the next chunk of the body
	 * @param handler receives the frames completed by this chunk, possibly none
	 */
	public void decode(DataBuffer buffer, Handler handler) {
		try (DataBuffer.ByteBufferIterator iterator = buffer.readableByteBuffers()) {
			while (iterator.hasNext()) {
				ByteBuffer byteBuffer = iterator.next();
				int length = byteBuffer.remaining();
				if (byteBuffer.hasArray()) {
					decode(byteBuffer.array(), byteBuffer.arrayOffset() + byteBuffer.position(), length, handler);
				}
				else {
					decodeCopy(byteBuffer, length, handler);
				}
			}
		}
	}

	/**
	 * Decodes a chunk of bytes.
	 * @param bytes the array holding the chunk
	 * @param offset where the chunk starts
	 * @param length how many bytes it has
	 * @return the frames completed by this chunk, possibly none, each with its own copy of
	 * the data
	 */
	public List<SseFrame> decode(byte[] bytes, int offset, int length) {
		FrameCollector frames = new FrameCollector(4);
		decode(bytes, offset, length, frames);
		return frames.frames;
	}

	/**
	 * Decodes a chunk of bytes, handing each completed frame to the handler before
	 * returning. The handler may be given slices of {@code bytes}; the decoder keeps no
	 * reference to {@code bytes} after returning.
	 * @param bytes the array holding the chunk
	 * @param offset where the chunk starts
	 * @param length how many bytes it has
	 * @param handler receives the frames completed by this chunk, possibly none
	 */
	public void decode(byte[] bytes, int offset, int length, Handler handler) {
		if (this.finished) {
			throw new IllegalStateException("Decoder already finished");
		}
		int end = offset + length;
		int position = offset;
		if (this.afterCr && position < end) {
			this.afterCr = false;
			if (bytes[position] == LF) {
				position++;
			}
		}
		while (position < end) {
			int lineEnd = indexOfLineEnd(bytes, position, end);
			if (lineEnd < 0) {
				break;
			}
			if (this.lineLength == 0) {
				checkLimit(lineEnd - position);
				processLine(bytes, position, lineEnd - position, true, handler);
			}
			else {
				appendToLine(bytes, position, lineEnd - position);
				int lineLength = this.lineLength;
				this.lineLength = 0;
				processLine(this.line, 0, lineLength, false, handler);
			}
			position = lineEnd + 1;
			if (bytes[lineEnd] == CR) {
				if (position < end) {
					if (bytes[position] == LF) {
						position++;
					}
				}
				else {
					this.afterCr = true;
				}
			}
		}
		// the chunk may be reused once this returns: copy what is still needed of it
		copyPendingData();
		if (position < end) {
			appendToLine(bytes, position, end - position);
		}
	}

	/**
	 * Ends the stream: completes a last line and a last event that had no blank line after
	 * them. Further calls to {@code decode} fail.
	 * @return the last frames, if the body ended inside one
	 */
	public List<SseFrame> finish() {
		FrameCollector frames = new FrameCollector(1);
		finish(frames);
		return frames.frames;
	}

	/**
	 * Ends the stream, handing a last comment or event that had no blank line after it to
	 * the handler. Further calls to {@code decode} fail.
	 * @param handler receives the last frames, if the body ended inside one
	 */
	public void finish(Handler handler) {
		if (!this.finished) {
			this.finished = true;
			if (this.lineLength > 0) {
				int length = this.lineLength;
				this.lineLength = 0;
				processLine(this.line, 0, length, false, handler);
			}
			dispatch(handler);
		}
	}

	/**
	 * Returns whether bytes of an unfinished line or event are buffered, that is, whether the
	 * body so far ends in the middle of an event.
	 * @return {@code true} if a partial line or event is pending
	 */
	public boolean hasPendingData() {
		return this.lineLength > 0 || this.hasData;
	}

	private void decodeCopy(ByteBuffer byteBuffer, int length, Handler handler) {
		byte[] bytes = SCRATCH.get();
		if (bytes == null || bytes.length < length) {
			bytes = new byte[Math.max(length, SCRATCH_BYTES)];
		}
		else {
			// lent to this call only, in case the handler decodes another stream on this thread
			SCRATCH.set(null);
		}
		byteBuffer.get(byteBuffer.position(), bytes, 0, length);
		try {
			decode(bytes, 0, length, handler);
		}
		finally {
			if (bytes.length <= SCRATCH_BYTES * 4) {
				SCRATCH.set(bytes);
			}
		}
	}

	private void processLine(byte[] bytes, int offset, int length, boolean inChunk, Handler handler) {
		if (this.firstLine) {
			this.firstLine = false;
			if (length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
					&& bytes[offset + 2] == (byte) 0xBF) {
				offset += 3;
				length -= 3;
			}
		}
		if (length == 0) {
			dispatch(handler);
			return;
		}
		int end = offset + length;
		if (bytes[offset] == COLON) {
			int start = offset + 1;
			if (start < end && bytes[start] == SPACE) {
				start++;
			}
			handler.onComment(new String(bytes, start, end - start, StandardCharsets.UTF_8));
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
			if (inChunk && !this.hasData) {
				this.pendingBytes = bytes;
				this.pendingOffset = valueStart;
				this.pendingLength = valueLength;
				this.hasData = true;
			}
			else {
				copyPendingData();
				appendData(bytes, valueStart, valueLength);
			}
		}
		else if (fieldEquals(bytes, offset, fieldLength, FIELD_EVENT)) {
			this.event = eventName(bytes, valueStart, valueLength);
		}
		else if (fieldEquals(bytes, offset, fieldLength, FIELD_ID)) {
			if (indexOf(bytes, valueStart, end, (byte) 0) < 0) {
				this.lastId = new String(bytes, valueStart, valueLength, StandardCharsets.UTF_8);
			}
		}
		// retry and unknown fields are ignored, as the SSE specification says
	}

	private void dispatch(Handler handler) {
		if (this.hasData) {
			byte[] pending = this.pendingBytes;
			if (pending != null) {
				handler.onEvent(this.event, pending, this.pendingOffset, this.pendingLength, this.lastId);
			}
			else {
				handler.onEvent(this.event, this.data, 0, this.dataLength, this.lastId);
			}
		}
		this.hasData = false;
		this.pendingBytes = null;
		this.dataLength = 0;
		this.event = null;
	}

	/** Copies the data still held in the chunk into {@link #data}. */
	private void copyPendingData() {
		byte[] pending = this.pendingBytes;
		if (pending != null) {
			this.pendingBytes = null;
			this.hasData = false;
			this.dataLength = 0;
			appendData(pending, this.pendingOffset, this.pendingLength);
		}
	}

	private void appendData(byte[] bytes, int offset, int length) {
		int needed = this.dataLength + (this.hasData ? 1 : 0) + length;
		checkLimit(needed - this.dataLength);
		if (needed > this.data.length) {
			this.data = Arrays.copyOf(this.data, grow(this.data.length, needed));
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
			this.line = Arrays.copyOf(this.line, grow(this.line.length, needed));
		}
		System.arraycopy(bytes, offset, this.line, this.lineLength, length);
		this.lineLength = needed;
	}

	private int grow(int current, int needed) {
		return Math.max(needed, Math.min(Math.max(current * 2, 128), this.maxFrameBytes));
	}

	private void checkLimit(int additional) {
		int held = (this.pendingBytes != null) ? this.pendingLength : this.dataLength;
		if ((long) held + additional > this.maxFrameBytes) {
			throw new SseFrameTooLargeException(this.maxFrameBytes);
		}
	}

	/**
	 * Returns the index of the first LF or CR in {@code [from, to)}, or -1; looks at eight
	 * bytes at a time.
	 */
	static int indexOfLineEnd(byte[] bytes, int from, int to) {
		int i = from;
		for (int last = to - Long.BYTES; i <= last; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i);
			long lf = word ^ LFS;
			long cr = word ^ CRS;
			// a byte is zero in lf or cr where the word has LF or CR; the lowest flag is exact
			long found = ((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGH_BITS;
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			byte b = bytes[i];
			if (b == LF || b == CR) {
				return i;
			}
		}
		return -1;
	}

	private static String eventName(byte[] bytes, int offset, int length) {
		for (int i = 0; i < KNOWN_EVENT_BYTES.length; i++) {
			byte[] known = KNOWN_EVENT_BYTES[i];
			if (known.length == length && Arrays.equals(bytes, offset, offset + length, known, 0, length)) {
				return KNOWN_EVENTS[i];
			}
		}
		return new String(bytes, offset, length, StandardCharsets.UTF_8);
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

	/**
	 * Receives the frames a {@link SseFrameDecoder} cuts out, without a copy of their data.
	 *
	 * @since 0.1.0
	 */
	public interface Handler {

		/**
		 * Called for each event that has data.
		 * @param event the {@code event:} name, or {@code null} when the frame had none
		 * @param data holds the {@code data:} lines joined by {@code \n}, as UTF-8 bytes; only
		 * valid during this call and must not be modified
		 * @param offset where the data starts in {@code data}
		 * @param length how many bytes of data there are
		 * @param id the last {@code id:} seen on the stream, or {@code null}
		 */
		void onEvent(@Nullable String event, byte[] data, int offset, int length, @Nullable String id);

		/**
		 * Called for each {@code :} comment line, such as a keep-alive.
		 * @param comment the text after the colon, without one leading space
		 */
		void onComment(String comment);

	}

	/** Collects frames with their own copy of the data. */
	private static final class FrameCollector implements Handler {

		private final List<SseFrame> frames;

		FrameCollector(int capacity) {
			this.frames = new ArrayList<>(capacity);
		}

		@Override
		public void onEvent(@Nullable String event, byte[] data, int offset, int length, @Nullable String id) {
			this.frames.add(SseFrame.event(event, Arrays.copyOfRange(data, offset, offset + length), id));
		}

		@Override
		public void onComment(String comment) {
			this.frames.add(SseFrame.comment(comment));
		}

	}

}
