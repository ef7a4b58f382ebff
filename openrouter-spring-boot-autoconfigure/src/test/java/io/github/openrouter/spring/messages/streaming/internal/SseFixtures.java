package io.github.openrouter.spring.messages.streaming.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Test helper that finds the {@code .sse} fixtures and cuts byte arrays into chunks.
 */
final class SseFixtures {

	private SseFixtures() {
	}

	static Path root() {
		URL url = SseFixtures.class.getResource("/fixtures");
		if (url == null) {
			throw new IllegalStateException("No fixtures folder on the test class path");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Path> sseFiles() {
		try (Stream<Path> paths = Files.walk(root())) {
			return paths.filter((path) -> path.toString().endsWith(".sse")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String name(Path file) {
		return root().relativize(file).toString().replace('\\', '/');
	}

	static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] read(String name) {
		return read(root().resolve(name));
	}

	/** Decodes a whole file in one chunk. */
	static List<SseFrame> frames(Path file) {
		byte[] bytes = read(file);
		SseFrameDecoder decoder = new SseFrameDecoder();
		List<SseFrame> frames = new ArrayList<>(decoder.decode(bytes, 0, bytes.length));
		frames.addAll(decoder.finish());
		return frames;
	}

	/** Splits into two chunks at {@code offset}. */
	static List<byte[]> splitAt(byte[] bytes, int offset) {
		return List.of(slice(bytes, 0, offset), slice(bytes, offset, bytes.length));
	}

	/** Splits into chunks of {@code size} bytes (the last may be shorter). */
	static List<byte[]> fixedChunks(byte[] bytes, int size) {
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < bytes.length; i += size) {
			chunks.add(slice(bytes, i, Math.min(bytes.length, i + size)));
		}
		return chunks;
	}

	/** Splits into chunks of random sizes from 1 to {@code maxSize}, empty chunks included. */
	static List<byte[]> randomChunks(byte[] bytes, Random random, int maxSize) {
		List<byte[]> chunks = new ArrayList<>();
		int i = 0;
		while (i < bytes.length) {
			if (random.nextInt(10) == 0) {
				chunks.add(new byte[0]);
			}
			int end = Math.min(bytes.length, i + 1 + random.nextInt(maxSize));
			chunks.add(slice(bytes, i, end));
			i = end;
		}
		return chunks;
	}

	static byte[] slice(byte[] bytes, int from, int to) {
		byte[] slice = new byte[to - from];
		System.arraycopy(bytes, from, slice, 0, slice.length);
		return slice;
	}

}
