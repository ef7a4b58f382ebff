package io.github.openrouter.spring.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Spring peer: Spring AI 2.0's Anthropic chat model ({@code spring-ai-anthropic} 2.0.1 over
 * {@code anthropic-java-core} 2.52.0 and OkHttp) pointed at the fake server as at OpenRouter, through
 * {@code SpringAiChat} of the {@code benchmarks/spring-ai} module. That module's whole dependency set
 * (Spring Boot 4.1.1's versions, not ours) is loaded in a class loader of its own over the platform
 * class loader, and this class talks to it through {@code java.*} types only, so that no Spring AI
 * class and none of its versions reaches the benchmarks' class path. Non-streaming calls are
 * {@code ChatModel.call}, blocking, on platform threads when concurrent; streams are
 * {@code ChatModel.stream}, counting the text of every response.
 * <p>
 * One class loader serves every instance in a JVM (loading that world takes seconds). The module's
 * build output is found from {@code -Dbench.springAi=<benchmarks/spring-ai/target>},
 * by default beside this module's classes.
 *
 * @since 0.1.0
 */
public final class SpringAiClient implements BenchClient {

	private static final String CHAT = "io.github.openrouter.spring.benchmarks.springai.SpringAiChat";

	private final AutoCloseable chat;

	private final Supplier<String> create;

	private final Function<Map<String, String>, Flow.Publisher<String>> stream;

	private final Workers workers = new Workers();

	/**
	 * Creates the Spring AI client for the fake server.
	 * @param port the fake server's port
	 * @param maxIdleConnections the number of idle connections OkHttp keeps (its default is 5)
	 */
	@SuppressWarnings("unchecked")
	public SpringAiClient(int port, int maxIdleConnections) {
		try {
			Object chat = Class.forName(CHAT, true, Loader.INSTANCE)
				.getConstructor(String.class, String.class, String.class, int.class, String.class, int.class)
				.newInstance("http://127.0.0.1:" + port + "/api", "sk-or-bench", Requests.MODEL, Requests.MAX_TOKENS,
						Requests.PROMPT, maxIdleConnections);
			this.chat = (AutoCloseable) chat;
			this.create = (Supplier<String>) chat;
			this.stream = (Function<Map<String, String>, Flow.Publisher<String>>) chat;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not create " + CHAT, ex);
		}
	}

	private static URL[] classPath() {
		Path target = target();
		Path classes = target.resolve("classes");
		Path classPath = target.resolve("classpath.txt");
		if (!Files.isDirectory(classes) || !Files.isRegularFile(classPath)) {
			throw new IllegalStateException("No Spring AI build in " + target
					+ ": build it with `./mvnw -pl benchmarks -am package -DskipTests`, or set -Dbench.springAi");
		}
		try {
			List<URL> urls = new ArrayList<>();
			urls.add(classes.toUri().toURL());
			for (String jar : Files.readString(classPath, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
				urls.add(Path.of(jar).toUri().toURL());
			}
			return urls.toArray(URL[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path target() {
		String property = System.getProperty("bench.springAi");
		if (property != null) {
			return Path.of(property);
		}
		try {
			// benchmarks/target/classes -> benchmarks/spring-ai/target
			Path classes = Path.of(SpringAiClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return classes.getParent().getParent().resolve("spring-ai").resolve("target");
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the class loader of Spring AI's world.
	 * @return the class loader
	 */
	static ClassLoader classLoader() {
		return Loader.INSTANCE;
	}

	@Override
	public String name() {
		return "spring-ai";
	}

	@Override
	public long createMany(int total, int concurrency) {
		return this.workers.run(total, concurrency, this::create);
	}

	private int create() {
		return Requests.checkMessageText(this.create.get()).length();
	}

	@Override
	public StreamCall streamCall(StreamShape shape) {
		Flow.Publisher<String> deltas = this.stream.apply(shape.headers());
		return new StreamCall() {

			@Override
			public void run(StreamListener listener) {
				CompletableFuture<Void> end = new CompletableFuture<>();
				deltas.subscribe(new Listening(listener, end));
				try {
					end.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException("The stream failed", ex.getCause());
				}
				listener.onComplete();
			}

			@Override
			public void start(StreamListener listener) {
				CompletableFuture<Void> end = new CompletableFuture<>();
				end.whenComplete((done, error) -> {
					if (error != null) {
						listener.onError(error);
					}
					else {
						listener.onComplete();
					}
				});
				deltas.subscribe(new Listening(listener, end));
			}

		};
	}

	@Override
	public void close() {
		this.workers.close();
		try {
			this.chat.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The class loader of Spring AI's world, created when first used and kept for the JVM's life.
	 */
	private static final class Loader {

		static final ClassLoader INSTANCE = new URLClassLoader("spring-ai", classPath(),
				ClassLoader.getPlatformClassLoader());

	}

	/**
	 * Hands every text delta to a listener and completes a future when the stream ends.
	 */
	private static final class Listening implements Flow.Subscriber<String> {

		private final StreamListener listener;

		private final CompletableFuture<Void> end;

		Listening(StreamListener listener, CompletableFuture<Void> end) {
			this.listener = listener;
			this.end = end;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String text) {
			this.listener.onText(text);
		}

		@Override
		public void onError(Throwable error) {
			this.end.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			this.end.complete(null);
		}

	}

}
