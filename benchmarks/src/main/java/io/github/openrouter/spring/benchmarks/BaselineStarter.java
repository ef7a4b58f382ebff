package io.github.openrouter.spring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The starter client built from an earlier autoconfigure jar ({@code -Dbench.baselineJar=...}),
 * loaded beside the current one in its own class loader, so that a change is measured before and
 * after in one invocation with interleaved rounds ({@code starter-baseline} in
 * {@code bench.clients}).
 *
 * @since 0.1.0
 */
final class BaselineStarter {

	private static final String STARTER_CLIENT = StarterClient.class.getName();

	private BaselineStarter() {
	}

	/**
	 * Creates {@link StarterClient} over the classes of the jar (or classes directory) named by
	 * {@code bench.baselineJar}.
	 * @param name the name in result tables
	 * @param port the fake server's port
	 * @param connections the connection-pool size
	 * @return the client
	 */
	static BenchClient create(String name, int port, int connections) {
		String jar = System.getProperty("bench.baselineJar");
		if (jar == null || !Files.exists(Path.of(jar))) {
			throw new IllegalArgumentException("Client '" + name + "' needs -Dbench.baselineJar=<an earlier "
					+ "openrouter-spring-boot-autoconfigure jar>, but got " + jar);
		}
		try {
			ClassLoader loader = new ChildFirstLoader(Path.of(jar).toUri().toURL(), BaselineStarter.class.getClassLoader());
			return (BenchClient) Class.forName(STARTER_CLIENT, true, loader)
				.getConstructor(String.class, int.class, int.class, boolean.class)
				.newInstance(name, port, connections, false);
		}
		catch (MalformedURLException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not create the baseline starter client from " + jar, ex);
		}
	}

	/**
	 * Loads the starter's classes from the jar and {@link StarterClient} again, so that it links to
	 * them; everything else (Spring, Reactor, Netty, Jackson, the harness) from the parent.
	 */
	private static final class ChildFirstLoader extends URLClassLoader {

		ChildFirstLoader(URL jar, ClassLoader parent) {
			super(new URL[] { jar }, parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					if (name.startsWith("io.github.openrouter.spring.messages.")
							|| name.startsWith("io.github.openrouter.spring.autoconfigure.")) {
						loaded = findClass(name);
					}
					else if (name.equals(STARTER_CLIENT) || name.startsWith(STARTER_CLIENT + "$")) {
						loaded = defineFromParent(name);
					}
					else {
						return super.loadClass(name, resolve);
					}
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

		private Class<?> defineFromParent(String name) throws ClassNotFoundException {
			String resource = name.replace('.', '/') + ".class";
			try (InputStream in = getParent().getResourceAsStream(resource)) {
				if (in == null) {
					throw new ClassNotFoundException(name);
				}
				byte[] bytes = in.readAllBytes();
				return defineClass(name, bytes, 0, bytes.length);
			}
			catch (IOException ex) {
				throw new ClassNotFoundException(name, ex);
			}
		}

	}

}
