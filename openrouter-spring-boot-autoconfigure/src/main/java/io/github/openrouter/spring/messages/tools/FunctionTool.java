package io.github.openrouter.spring.messages.tools;

import java.util.Objects;
import java.util.function.Function;

/**
 * A tool given as a function of one input object: a record (or bean) whose schema is the tool's
 * input schema.
 *
 * <pre class="code">
 * record CityInput(String city) {
 * }
 * FunctionTool&lt;CityInput&gt; weather = FunctionTool.of("get_weather", "Current weather in a city",
 * 		CityInput.class, (input) -&gt; lookUpWeather(input.city()));
 * </pre>
 *
 * @param <I> the input type
 * @since 0.1.0
 */
public final class FunctionTool<I> {

	private final String name;

	private final String description;

	private final Class<I> inputType;

	private final Function<? super I, ?> function;

	private FunctionTool(String name, String description, Class<I> inputType, Function<? super I, ?> function) {
		this.name = Objects.requireNonNull(name, "name");
		this.description = Objects.requireNonNull(description, "description");
		this.inputType = Objects.requireNonNull(inputType, "inputType");
		this.function = Objects.requireNonNull(function, "function");
	}

	/**
	 * Returns a tool that applies a function to its input.
	 * @param <I> the input type
	 * @param name the tool name the model sees, matching {@code ^[a-zA-Z0-9_-]{1,64}$}
	 * @param description what the tool does and when to use it
	 * @param inputType the input type, written as a JSON object (a record or a bean)
	 * @param function the function; its result is sent as a {@code String} as it is, otherwise as
	 * JSON; an exception it throws is sent as an error result with its message
	 * @return the tool
	 */
	public static <I> FunctionTool<I> of(String name, String description, Class<I> inputType,
			Function<? super I, ?> function) {
		return new FunctionTool<>(name, description, inputType, function);
	}

	/**
	 * Returns the tool name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the description.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Returns the input type.
	 * @return the input type
	 */
	public Class<I> inputType() {
		return this.inputType;
	}

	/**
	 * Returns the function.
	 * @return the function
	 */
	public Function<? super I, ?> function() {
		return this.function;
	}

	@Override
	public String toString() {
		return "FunctionTool[" + this.name + "]";
	}

}
