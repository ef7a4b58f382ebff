package io.github.openrouter.spring.messages.client;

import java.util.Arrays;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * Copies the buffers of a body into one array, up to a size bound; the caller releases each
 * buffer. Not thread-safe: a body's buffers arrive one at a time.
 */
final class ByteCollector {

	private static final byte[] EMPTY = new byte[0];

	private final int maxBytes;

	private byte[] bytes = EMPTY;

	private int length;

	ByteCollector(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	/**
	 * Copies a buffer's readable bytes, unless they would take the body over the bound.
	 * @param buffer the buffer, left unreleased
	 * @return whether it was copied; {@code false} means the body is too large
	 */
	boolean add(DataBuffer buffer) {
		int readable = buffer.readableByteCount();
		if (readable > this.maxBytes - this.length) {
			return false;
		}
		if (this.length + readable > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes,
					Math.max(this.length + readable, Math.min(this.maxBytes, this.bytes.length * 2)));
		}
		buffer.read(this.bytes, this.length, readable);
		this.length += readable;
		return true;
	}

	/**
	 * Returns the error for a body over the bound, in the words of Spring's own limit.
	 * @return the error
	 */
	DataBufferLimitException tooLarge() {
		return new DataBufferLimitException("Exceeded limit on max bytes to buffer : " + this.maxBytes);
	}

	/**
	 * Returns the bytes copied so far, in an array of exactly their length.
	 * @return the bytes
	 */
	byte[] toArray() {
		return (this.length == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.length);
	}

}
