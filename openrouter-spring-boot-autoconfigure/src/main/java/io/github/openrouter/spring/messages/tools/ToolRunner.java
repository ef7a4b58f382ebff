package io.github.openrouter.spring.messages.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.content.ToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.model.tool.Tool;
import io.github.openrouter.spring.messages.streaming.MessageAccumulator;
import io.github.openrouter.spring.messages.tools.ToolLoopEvent.Completed;
import io.github.openrouter.spring.messages.tools.ToolLoopEvent.ModelEvent;
import io.github.openrouter.spring.messages.tools.ToolLoopEvent.ToolExecuted;
import io.github.openrouter.spring.messages.observation.internal.MessagesObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the tool loop for an application: calls the model with the request and the runner's
 * tools, executes every {@code tool_use} of the answer, sends the {@code tool_result}s back, and
 * repeats until the model answers, runs out of tokens, refuses, or a bound is hit.
 *
 * <pre class="code">
 * ToolRunner runner = ToolRunner.builder(client).tools(new WeatherTools()).build();
 * ToolLoopResult result = runner.call(request);
 * </pre>
 *
 * <p>
 * Each round is a normal call of the client, so its retries, timeouts and observation apply.
 * Details of the loop:
 * <ul>
 * <li>the tools of one answer run in parallel on {@link Schedulers#boundedElastic()}, never on
 * an event loop; their results go back in the order of the {@code tool_use} blocks;</li>
 * <li>a tool that throws gives a result with {@code is_error: true} and the exception's message
 * (its class name when it has none); the stack trace stays in the process; so does a call of a
 * tool the runner does not have, and an input that does not bind to the tool's parameters;</li>
 * <li>every assistant message is replayed unchanged, thinking blocks with their signatures and
 * server tool blocks included; an answer that stops with {@code pause_turn} (a server tool's
 * long turn) is sent back as it is to let the model continue;</li>
 * <li>a thinking signature is only valid for the model and provider that made it, and
 * OpenRouter's routing could send a later round elsewhere; so when the request enables thinking
 * (or an answer carries thinking blocks), every later round is pinned to the first answer's
 * served model and provider: {@code model} is that model, {@code models}, {@code fallbacks}
 * and {@code route} are dropped, and {@code provider.order} is that provider with
 * {@code allow_fallbacks: false} (the other provider preferences are kept). Without thinking,
 * every round is routed like the first;</li>
 * <li>the bounds are the number of rounds ({@link Builder#maxIterations(int)}, default 10) and
 * the total time ({@link Builder#timeLimit(Duration)}, default none); hitting one ends the loop
 * with a result, not an error, so the usage spent so far is never lost; only a time limit that
 * runs out before the first answer is an {@link OpenRouterTimeoutException};</li>
 * <li>cancelling the subscription (or the time limit) cancels the call in progress, which closes
 * its connection, and interrupts the tools that are running.</li>
 * </ul>
 * Observation: the loop is an {@code openrouter.tool_loop} observation (a child of the
 * subscriber's), each round's {@code gen_ai.client.operation} is its child, and so is each
 * tool's {@code gen_ai.execute_tool}; see {@link ToolObservationDocumentation}.
 *
 * <p>
 * Thread-safe: one runner serves any number of loops.
 *
 * @since 0.1.0
 */
public final class ToolRunner {

	static final String UNKNOWN_TOOL = "_OTHER";

	private static final ToolObservationConventions.Loop LOOP_CONVENTION = new ToolObservationConventions.Loop();

	private static final ToolObservationConventions.Execution EXECUTION_CONVENTION = new ToolObservationConventions.Execution();

	private final ReactiveMessagesClient client;

	private final Map<String, ToolHandle> tools;

	private final List<CustomTool> definitions;

	private final int maxIterations;

	private final @Nullable Duration timeLimit;

	private final ObservationRegistry registry;

	private ToolRunner(Builder builder, ToolCatalog catalog) {
		this.client = builder.client;
		this.tools = catalog.handles();
		this.definitions = catalog.inOrder().stream().map(ToolHandle::definition).toList();
		this.maxIterations = builder.maxIterations;
		this.timeLimit = builder.timeLimit;
		this.registry = builder.registry;
	}

	/**
	 * Returns a builder for a runner over a reactive client.
	 * @param client the client that makes each round's call
	 * @return a new builder
	 */
	public static Builder builder(ReactiveMessagesClient client) {
		return new Builder(client);
	}

	/**
	 * Returns a builder for a runner over the reactive side of a blocking client.
	 * @param client the client that makes each round's call
	 * @return a new builder
	 */
	public static Builder builder(MessagesClient client) {
		return new Builder(Objects.requireNonNull(client, "client").reactive());
	}

	/**
	 * Returns the tools this runner adds to every request, as the model sees them.
	 * @return the tool definitions, in registration order
	 */
	public List<CustomTool> tools() {
		return this.definitions;
	}

	/**
	 * Runs the loop and waits for its result; never call it on a Reactor event-loop thread.
	 * @param request the request; the runner's tools are added to its {@code tools}
	 * @return the result
	 */
	public ToolLoopResult call(MessageRequest request) {
		return call(request, RequestOptions.none());
	}

	/**
	 * Runs the loop with per-call options and waits for its result.
	 * @param request the request; the runner's tools are added to its {@code tools}
	 * @param options the options of every round's call
	 * @return the result
	 */
	public ToolLoopResult call(MessageRequest request, RequestOptions options) {
		return Objects.requireNonNull(run(request, options).block(), "result");
	}

	/**
	 * Runs the loop with non-streaming calls.
	 * @param request the request; the runner's tools are added to its {@code tools}
	 * @return the result; cancelling stops the loop
	 */
	public Mono<ToolLoopResult> run(MessageRequest request) {
		return run(request, RequestOptions.none());
	}

	/**
	 * Runs the loop with non-streaming calls and per-call options.
	 * @param request the request; the runner's tools are added to its {@code tools}
	 * @param options the options of every round's call
	 * @return the result; cancelling stops the loop
	 */
	public Mono<ToolLoopResult> run(MessageRequest request, RequestOptions options) {
		return loop(request, options, false).ofType(Completed.class).single().map(Completed::result);
	}

	/**
	 * Runs the loop with streaming calls.
	 * @param request the request; the runner's tools are added to its {@code tools}
	 * @return every round's events in order, the tool executions between rounds, and the result
	 * with the summed usage last; cancelling stops the loop
	 */
	public Flux<ToolLoopEvent> stream(MessageRequest request) {
		return stream(request, RequestOptions.none());
	}

	/**
	 * Runs the loop with streaming calls and per-call options.
	 * @param request the request; the runner's tools are added to its {@code tools}
	 * @param options the options of every round's call
	 * @return every round's events in order, the tool executions between rounds, and the result
	 * with the summed usage last; cancelling stops the loop
	 */
	public Flux<ToolLoopEvent> stream(MessageRequest request, RequestOptions options) {
		return loop(request, options, true);
	}

	private Flux<ToolLoopEvent> loop(MessageRequest request, RequestOptions options, boolean streaming) {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(options, "options");
		List<Tool> tools = new ArrayList<>((request.tools() != null) ? request.tools() : List.of());
		tools.addAll(this.definitions);
		MessageRequest withTools = request.toBuilder().tools(tools).build();
		return Flux.deferContextual((contextView) -> {
			ToolLoopObservationContext context = new ToolLoopObservationContext();
			Observation observation = ToolObservationDocumentation.TOOL_LOOP
				.observation(null, LOOP_CONVENTION, () -> context, this.registry)
				.parentObservation(MessagesObserver.parent(contextView, this.registry))
				.start();
			Loop loop = new Loop(options, streaming, observation);
			// Stopped before the result reaches the subscriber, once.
			AtomicBoolean stopped = new AtomicBoolean();
			Flux<ToolLoopEvent> events = loop.bounded(loop.round(LoopState.start(withTools)))
				.doOnNext((event) -> {
					if (event instanceof Completed completed && stopped.compareAndSet(false, true)) {
						context.setResult(completed.result());
						observation.stop();
					}
				})
				.doOnError((ex) -> {
					if (stopped.compareAndSet(false, true)) {
						context.setStop("error");
						observation.error(ex);
						observation.stop();
					}
				})
				.doOnCancel(() -> {
					if (stopped.compareAndSet(false, true)) {
						context.setStop("cancelled");
						observation.stop();
					}
				});
			return observation.isNoop() ? events : events.contextWrite((c) -> MessagesObserver.withParent(c, observation));
		});
	}

	/**
	 * One run of the loop: its options, observation and latest state.
	 */
	private final class Loop {

		private final RequestOptions options;

		private final boolean streaming;

		private final Observation observation;

		private final AtomicReference<@Nullable LoopState> latest = new AtomicReference<>();

		private final AtomicBoolean completed = new AtomicBoolean();

		Loop(RequestOptions options, boolean streaming, Observation observation) {
			this.options = options;
			this.streaming = streaming;
			this.observation = observation;
		}

		Flux<ToolLoopEvent> round(LoopState state) {
			int round = state.responses().size() + 1;
			MessageRequest request = state.nextRequest();
			if (!this.streaming) {
				return ToolRunner.this.client.create(request, this.options)
					.flatMapMany((response) -> answered(state, response, round));
			}
			return Flux.defer(() -> {
				MessageAccumulator accumulator = new MessageAccumulator();
				Flux<ToolLoopEvent> events = ToolRunner.this.client.stream(request, this.options)
					.doOnNext(accumulator::accept)
					.map((event) -> new ModelEvent(round, event));
				return events.concatWith(Flux.defer(() -> answered(state, accumulator.snapshot(), round)));
			});
		}

		private Flux<ToolLoopEvent> answered(LoopState state, MessageResponse response, int round) {
			LoopState after = state.withResponse(response);
			this.latest.set(after);
			StopReason reason = response.stopReason();
			boolean lastRound = round >= ToolRunner.this.maxIterations;
			if (StopReason.TOOL_USE.equals(reason)) {
				List<ToolUseBlock> uses = response.content()
					.stream()
					.filter(ToolUseBlock.class::isInstance)
					.map(ToolUseBlock.class::cast)
					.toList();
				if (uses.isEmpty()) {
					return complete(after, ToolLoopStop.ANSWER);
				}
				if (lastRound) {
					return complete(after, ToolLoopStop.MAX_ITERATIONS);
				}
				return Flux.fromIterable(uses).flatMapSequential(this::execute).collectList().flatMapMany((results) -> {
					LoopState answeredTools = after.withResults(results);
					this.latest.set(answeredTools);
					List<ToolLoopEvent> executed = new ArrayList<>(results.size());
					for (int i = 0; i < results.size(); i++) {
						executed.add(new ToolExecuted(round, uses.get(i), results.get(i)));
					}
					return Flux.fromIterable(executed).concatWith(Flux.defer(() -> round(answeredTools)));
				});
			}
			if (StopReason.PAUSE_TURN.equals(reason)) {
				return lastRound ? complete(after, ToolLoopStop.MAX_ITERATIONS) : round(after);
			}
			if (StopReason.MAX_TOKENS.equals(reason) || StopReason.MODEL_CONTEXT_WINDOW_EXCEEDED.equals(reason)) {
				return complete(after, ToolLoopStop.MAX_TOKENS);
			}
			if (StopReason.REFUSAL.equals(reason)) {
				return complete(after, ToolLoopStop.REFUSAL);
			}
			return complete(after, ToolLoopStop.ANSWER);
		}

		private Flux<ToolLoopEvent> complete(LoopState state, ToolLoopStop stop) {
			return Flux.defer(() -> this.completed.compareAndSet(false, true)
					? Flux.just(new Completed(state.result(stop))) : Flux.empty());
		}

		private Mono<ToolResultBlock> execute(ToolUseBlock use) {
			ToolHandle handle = ToolRunner.this.tools.get(use.name());
			return Mono.defer(() -> {
				ToolExecutionObservationContext context = new ToolExecutionObservationContext(
						(handle != null) ? use.name() : UNKNOWN_TOOL, use.id());
				Observation observation = ToolObservationDocumentation.TOOL_EXECUTION
					.observation(null, EXECUTION_CONVENTION, () -> context, ToolRunner.this.registry)
					.parentObservation(this.observation)
					.start();
				AtomicBoolean stopped = new AtomicBoolean();
				JsonNode input = use.input();
				Mono<String> work = (handle != null)
						? Mono.fromCallable(() -> handle.invoker().invoke(
								(input != null) ? input : JsonMapper.shared().createObjectNode()))
							.subscribeOn(Schedulers.boundedElastic())
						: Mono.error(new IllegalArgumentException("No tool named '" + use.name() + "'"));
				return work.map((text) -> ToolResultBlock.of(use.id(), text)).doOnSuccess((result) -> {
					if (stopped.compareAndSet(false, true)) {
						context.succeeded();
						observation.stop();
					}
				}).onErrorResume((ex) -> {
					if (stopped.compareAndSet(false, true)) {
						context.failed(ex);
						observation.error(ex);
						observation.stop();
					}
					return Mono.just(ToolResultBlock.error(use.id(), message(ex)));
				}).doOnCancel(() -> {
					if (stopped.compareAndSet(false, true)) {
						context.cancelled();
						observation.stop();
					}
				});
			});
		}

		Flux<ToolLoopEvent> bounded(Flux<ToolLoopEvent> events) {
			Duration limit = ToolRunner.this.timeLimit;
			if (limit == null) {
				return events;
			}
			return events.takeUntilOther(Mono.delay(limit)).concatWith(Flux.defer(() -> {
				LoopState state = this.latest.get();
				if (state == null) {
					return this.completed.get() ? Flux.empty()
							: Flux.error(new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.TOTAL, limit, null));
				}
				return complete(state, ToolLoopStop.TIME_LIMIT);
			}));
		}

	}

	private static String message(Throwable error) {
		String message = error.getMessage();
		return (message != null && !message.isBlank()) ? message : error.getClass().getSimpleName();
	}

	/**
	 * Builder for {@link ToolRunner}.
	 */
	public static final class Builder {

		private final ReactiveMessagesClient client;

		private final List<Object> tools = new ArrayList<>();

		private @Nullable JsonMapper mapper;

		private int maxIterations = 10;

		private @Nullable Duration timeLimit;

		private ObservationRegistry registry = ObservationRegistry.NOOP;

		private Builder(ReactiveMessagesClient client) {
			this.client = Objects.requireNonNull(client, "client");
		}

		/**
		 * Adds the {@link OpenRouterTool} methods of objects as tools.
		 * @param targets objects with at least one public {@link OpenRouterTool} method each
		 * @return this builder
		 */
		public Builder tools(Object... targets) {
			for (Object target : targets) {
				this.tools.add(Objects.requireNonNull(target, "target"));
			}
			return this;
		}

		/**
		 * Adds a function as a tool.
		 * @param tool the tool
		 * @return this builder
		 */
		public Builder tool(FunctionTool<?> tool) {
			this.tools.add(Objects.requireNonNull(tool, "tool"));
			return this;
		}

		/**
		 * Sets the mapper that binds tool inputs, writes results that are not strings, and
		 * whose view of types (names, naming strategy) the input schemas follow.
		 * @param mapper the mapper; a default {@link JsonMapper} otherwise
		 * @return this builder
		 */
		public Builder mapper(JsonMapper mapper) {
			this.mapper = Objects.requireNonNull(mapper, "mapper");
			return this;
		}

		/**
		 * Sets the most rounds (model calls) of a loop.
		 * @param maxIterations at least 1; 10 by default
		 * @return this builder
		 */
		public Builder maxIterations(int maxIterations) {
			if (maxIterations < 1) {
				throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
			}
			this.maxIterations = maxIterations;
			return this;
		}

		/**
		 * Sets the total time of a loop, calls and tool executions included.
		 * @param timeLimit a positive duration; none by default
		 * @return this builder
		 */
		public Builder timeLimit(Duration timeLimit) {
			if (timeLimit.isNegative() || timeLimit.isZero()) {
				throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
			}
			this.timeLimit = timeLimit;
			return this;
		}

		/**
		 * Sets the registry of the loop's and the tools' observations; pass the client's registry
		 * so that each round's observation becomes a child of the loop's.
		 * @param registry the registry; {@link ObservationRegistry#NOOP} by default
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry registry) {
			this.registry = Objects.requireNonNull(registry, "registry");
			return this;
		}

		/**
		 * Builds the runner, generating every tool's input schema.
		 * @return the runner
		 * @throws ToolDefinitionException if a tool cannot be offered as declared
		 */
		public ToolRunner build() {
			ToolCatalog catalog = new ToolCatalog((this.mapper != null) ? this.mapper : JsonMapper.builder().build());
			for (Object tool : this.tools) {
				if (tool instanceof FunctionTool<?> function) {
					catalog.addFunction(function);
				}
				else {
					catalog.addMethods(tool);
				}
			}
			return new ToolRunner(this, catalog);
		}

	}

}
