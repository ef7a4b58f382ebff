package io.github.openrouter.spring.messages.tools;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.structured.UnsupportedSchemaTypeException;
import io.github.openrouter.spring.messages.structured.internal.TypeSchemas;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Turns {@link OpenRouterTool} methods and {@link FunctionTool}s into {@link ToolHandle}s, with
 * input schemas from {@link TypeSchemas}: a function's input type is an object already; a
 * method's parameter list becomes an object with one required property per parameter, each
 * typed by the schema of a one-property record of the parameter's type.
 */
final class ToolCatalog {

	private final JsonMapper mapper;

	private final TypeSchemas schemas;

	private final Map<String, ToolHandle> handles = new LinkedHashMap<>();

	ToolCatalog(JsonMapper mapper) {
		this.mapper = mapper;
		this.schemas = new TypeSchemas(mapper);
	}

	Map<String, ToolHandle> handles() {
		return Map.copyOf(this.handles);
	}

	Collection<ToolHandle> inOrder() {
		return this.handles.values();
	}

	void addFunction(FunctionTool<?> tool) {
		ObjectNode schema = schema(tool.name(), tool.inputType());
		add(new ToolHandle(CustomTool.of(tool.name(), tool.description(), schema), functionInvoker(tool)));
	}

	private <I> ToolHandle.Invoker functionInvoker(FunctionTool<I> tool) {
		return (input) -> text(tool.function().apply(this.mapper.treeToValue(input, tool.inputType())));
	}

	/**
	 * Adds every {@link OpenRouterTool} method of an object, in name order; the methods of a
	 * CGLIB proxy's user class, whose parameter names the proxy's own methods do not carry.
	 */
	void addMethods(Object target) {
		Objects.requireNonNull(target, "target");
		Method[] methods = ClassUtils.getUserClass(target).getMethods();
		Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
		int found = 0;
		for (Method method : methods) {
			OpenRouterTool annotation = method.getAnnotation(OpenRouterTool.class);
			if (annotation != null) {
				addMethod(target, method, annotation);
				found++;
			}
		}
		if (found == 0) {
			throw new ToolDefinitionException(target.getClass().getName() + " has no public method annotated with @"
					+ OpenRouterTool.class.getSimpleName(), null);
		}
	}

	private void addMethod(Object target, Method method, OpenRouterTool annotation) {
		String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
		if (Modifier.isStatic(method.getModifiers())) {
			throw new ToolDefinitionException("Tool '" + name + "': " + method + " is static; tools are instance methods",
					null);
		}
		Parameter[] parameters = method.getParameters();
		ObjectNode schema = this.mapper.createObjectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		JavaType[] types = new JavaType[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			if (!parameter.isNamePresent()) {
				throw missingNames(name, method);
			}
			ObjectNode property = parameterSchema(name, parameter);
			ToolParameter described = parameter.getAnnotation(ToolParameter.class);
			if (described != null) {
				property.put("description", described.description());
			}
			properties.set(parameter.getName(), property);
			types[i] = this.mapper.constructType(parameter.getParameterizedType());
		}
		schema.set("required", this.mapper.valueToTree(Arrays.stream(parameters).map(Parameter::getName).toList()));
		schema.put("additionalProperties", false);
		// the application's own method: made accessible only when it or its class is not public
		ReflectionUtils.makeAccessible(method);
		ToolHandle.Invoker invoker = (input) -> {
			Object[] arguments = new Object[parameters.length];
			for (int i = 0; i < parameters.length; i++) {
				JsonNode value = input.get(parameters[i].getName());
				arguments[i] = this.mapper.treeToValue((value != null) ? value : this.mapper.nullNode(), types[i]);
			}
			try {
				return text(method.invoke(target, arguments));
			}
			catch (InvocationTargetException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
		};
		add(new ToolHandle(CustomTool.of(name, annotation.description(), schema), invoker));
	}

	/**
	 * The error for a class compiled without {@code -parameters}, whose parameters are only known
	 * as {@code arg0}, {@code arg1}...
	 */
	static ToolDefinitionException missingNames(String tool, Method method) {
		return new ToolDefinitionException("Tool '" + tool + "': the parameter names of " + method
				+ " are not in the class file, so the input schema would name them arg0, arg1...; compile "
				+ method.getDeclaringClass().getName() + " with the -parameters flag of javac (Spring Boot's Maven and "
				+ "Gradle plugins set it), or use a FunctionTool with a record input", null);
	}

	private ObjectNode parameterSchema(String tool, Parameter parameter) {
		ObjectNode slot = schema(tool, new SlotType(parameter.getParameterizedType()));
		return (ObjectNode) slot.path("properties").values().iterator().next();
	}

	private ObjectNode schema(String tool, Type type) {
		try {
			return this.schemas.schema(type);
		}
		catch (UnsupportedSchemaTypeException ex) {
			throw new ToolDefinitionException("Tool '" + tool + "': " + ex.getMessage(), ex);
		}
	}

	private void add(ToolHandle handle) {
		if (this.handles.putIfAbsent(handle.name(), handle) != null) {
			throw new ToolDefinitionException("Two tools are named '" + handle.name() + "'", null);
		}
	}

	private String text(@Nullable Object result) {
		return (result instanceof String text) ? text : this.mapper.writeValueAsString(result);
	}

	/**
	 * A record of one property, the schema of which carries the schema of a parameter type.
	 * @param value the parameter value
	 * @param <T> the parameter type
	 */
	record Slot<T>(T value) {
	}

	/**
	 * {@code Slot<T>} for a parameter type {@code T}.
	 */
	private record SlotType(Type argument) implements ParameterizedType {

		@Override
		public Type[] getActualTypeArguments() {
			return new Type[] { this.argument };
		}

		@Override
		public Type getRawType() {
			return Slot.class;
		}

		@Override
		public @Nullable Type getOwnerType() {
			return ToolCatalog.class;
		}

		@Override
		public String getTypeName() {
			return "parameter of type " + this.argument.getTypeName();
		}

	}

}
