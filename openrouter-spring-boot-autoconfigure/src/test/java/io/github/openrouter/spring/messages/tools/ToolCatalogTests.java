package io.github.openrouter.spring.messages.tools;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.aop.framework.ProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the input schemas of tools and the refusal of methods without parameter names.
 */
class ToolCatalogTests {

	private final MessagesClient client = MessagesClient.builder()
		.baseUrl("http://127.0.0.1:9/api/v1")
		.apiKey("test-key")
		.build();

	@Test
	void methodParametersShouldBecomeRequiredPropertiesWithTheirSchemas() {
		ToolRunner runner = ToolRunner.builder(this.client).tools(new Planner()).build();

		CustomTool tool = runner.tools().get(0);
		JsonNode schema = tool.inputSchema();
		assertThat(tool.name()).isEqualTo("plan");
		assertThat(schema.get("type").asString()).isEqualTo("object");
		assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
		assertThat(schema.get("required").valueStream().map(JsonNode::asString)).containsExactly("city", "days",
				"stops", "note");
		assertThat(schema.at("/properties/city/description").asString()).isEqualTo("Where to");
		assertThat(schema.at("/properties/days/type").asString()).isEqualTo("integer");
		assertThat(schema.at("/properties/stops/type").asString()).isEqualTo("array");
		assertThat(schema.at("/properties/stops/items/properties/name/type").asString()).isEqualTo("string");
		assertThat(schema.at("/properties/note/type").values()).extracting(JsonNode::asString)
			.containsExactly("string", "null");
	}

	@Test
	void aFunctionToolShouldTakeTheSchemaOfItsInputType() {
		FunctionTool<Stop> tool = FunctionTool.of("visit", "Visits a stop", Stop.class, Stop::name);
		ToolRunner runner = ToolRunner.builder(this.client).tool(tool).build();

		JsonNode schema = runner.tools().get(0).inputSchema();
		assertThat(schema.at("/properties/name/type").asString()).isEqualTo("string");
		assertThat(schema.at("/required/0").asString()).isEqualTo("name");
	}

	@Test
	void aClassProxyShouldOfferTheMethodsOfItsUserClass() {
		ProxyFactory factory = new ProxyFactory(new ToolRunnerTests.WeatherTools());
		factory.setProxyTargetClass(true);
		Object proxy = factory.getProxy();
		assertThat(proxy.getClass()).isNotEqualTo(ToolRunnerTests.WeatherTools.class);

		ToolRunner runner = ToolRunner.builder(this.client).tools(proxy).build();

		assertThat(runner.tools().get(0).inputSchema().at("/required/0").asString()).isEqualTo("city");
	}

	@Test
	void aTypeWithoutSchemaShouldBeRefusedNamingTheTool() {
		assertThatExceptionOfType(ToolDefinitionException.class)
			.isThrownBy(() -> ToolRunner.builder(this.client).tools(new Untyped()).build())
			.withMessageStartingWith("Tool 'anything': ");
	}

	@Test
	void aClassCompiledWithoutParametersShouldBeRefusedInsteadOfNamingArg0(@TempDir Path dir) throws Exception {
		Object tools = compileWithoutParameters(dir);

		assertThatExceptionOfType(ToolDefinitionException.class)
			.isThrownBy(() -> ToolRunner.builder(this.client).tools(tools).build())
			.withMessageContaining("Tool 'add'")
			.withMessageContaining("-parameters")
			.withMessageContaining("sample.NamelessTools");
	}

	private static Object compileWithoutParameters(Path dir) throws Exception {
		Path source = dir.resolve("sample/NamelessTools.java");
		Files.createDirectories(source.getParent());
		Files.writeString(source, """
				package sample;

				import io.github.openrouter.spring.messages.tools.OpenRouterTool;

				public class NamelessTools {

					@OpenRouterTool(description = "Adds two numbers")
					public int add(int left, int right) {
						return left + right;
					}

				}
				""", StandardCharsets.UTF_8);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "--release", "17", "-classpath",
				System.getProperty("java.class.path") + java.io.File.pathSeparator
						+ Path.of(OpenRouterTool.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
				"-d", dir.toString(), source.toString());
		assertThat(status).isZero();
		URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() },
				ToolCatalogTests.class.getClassLoader());
		Class<?> type = loader.loadClass("sample.NamelessTools");
		assertThat(type.getMethod("add", int.class, int.class).getParameters()[0].isNamePresent()).isFalse();
		return type.getConstructor().newInstance();
	}

	/**
	 * A tool with parameters of several kinds.
	 */
	public static class Planner {

		@OpenRouterTool(description = "Plans a trip")
		public String plan(@ToolParameter(description = "Where to") String city, int days, List<Stop> stops,
				Optional<String> note) {
			return city + days + stops + note;
		}

	}

	/**
	 * A tool whose parameter has no schema.
	 */
	public static class Untyped {

		@OpenRouterTool(description = "Takes anything")
		public String anything(Object value) {
			return String.valueOf(value);
		}

	}

	record Stop(String name) {
	}

}
