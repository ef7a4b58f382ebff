package io.github.openrouter.spring.messages.model.internal;

import java.io.IOException;
import java.io.Writer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JsonTokenId;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TreeNode;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.type.ResolvedType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * A parser over a live parser that stands on the string value of an object's first property, and
 * that steps back one token: it starts on that property's name, then continues with the live
 * parser. Lets a deserializer that has read the discriminator hand the whole object to the
 * member's deserializer without buffering it. After the first move it is a plain pass-through.
 * Members whose deserializer is a {@link DiscriminatedMemberDeserializer} do without it.
 *
 * <p>
 * Not a per-type workaround: it is how {@link DiscriminatedUnionDeserializer}, the base of every
 * union, avoids copying each object into a token buffer. Measured with {@code DecodeBenchmark}
 * ({@code benchmarks/README.md}, "Decoding after issue 15", row 19): the ~1 KB answer decodes with
 * 2,719 B/op on the live parser through this class, and 5,678 B/op on the buffered path
 * ({@code messageTypeLastIntoModel}, discriminators last), which is what every union would take
 * without it.
 */
final class PropertyNameReplayParser extends JsonParserDelegate {

	private String name;

	private boolean onName = true;

	/**
	 * Creates a parser that replays the name of the property whose value the given parser is on.
	 * @param parser the live parser, positioned on the value of an object's property
	 * @param name the property's name
	 */
	PropertyNameReplayParser(JsonParser parser, String name) {
		super(parser);
		this.name = name;
	}

	/**
	 * Returns a parser that replays the name of the property whose value the given parser is on.
	 * When the given parser is itself a replay parser that has passed its name (a union nested in
	 * a union's member, such as a {@code content_block_start} event's {@code content_block}), it
	 * is re-armed rather than wrapped again: its state is the live parser's then, so this saves
	 * an object per nested union and one delegation per token read inside it.
	 * @param parser the live parser, positioned on the value of an object's property
	 * @param name the property's name
	 * @return the replaying parser
	 */
	static JsonParser replaying(JsonParser parser, String name) {
		if (parser instanceof PropertyNameReplayParser replay && !replay.onName) {
			replay.name = name;
			replay.onName = true;
			return replay;
		}
		return new PropertyNameReplayParser(parser, name);
	}

	@Override
	public JsonToken currentToken() {
		return this.onName ? JsonToken.PROPERTY_NAME : this.delegate.currentToken();
	}

	@Override
	public int currentTokenId() {
		return this.onName ? JsonTokenId.ID_PROPERTY_NAME : this.delegate.currentTokenId();
	}

	@Override
	public String currentName() {
		return this.onName ? this.name : this.delegate.currentName();
	}

	@Override
	public boolean hasCurrentToken() {
		return this.onName || this.delegate.hasCurrentToken();
	}

	@Override
	public boolean hasTokenId(int id) {
		return this.onName ? id == JsonTokenId.ID_PROPERTY_NAME : this.delegate.hasTokenId(id);
	}

	@Override
	public boolean hasToken(JsonToken token) {
		return this.onName ? token == JsonToken.PROPERTY_NAME : this.delegate.hasToken(token);
	}

	@Override
	public boolean isExpectedStartArrayToken() {
		return !this.onName && this.delegate.isExpectedStartArrayToken();
	}

	@Override
	public boolean isExpectedStartObjectToken() {
		return !this.onName && this.delegate.isExpectedStartObjectToken();
	}

	@Override
	public boolean isExpectedNumberIntToken() {
		return !this.onName && this.delegate.isExpectedNumberIntToken();
	}

	@Override
	public boolean isNaN() {
		return !this.onName && this.delegate.isNaN();
	}

	@Override
	public JsonToken nextToken() {
		if (this.onName) {
			this.onName = false;
			return this.delegate.currentToken();
		}
		return this.delegate.nextToken();
	}

	@Override
	public JsonToken nextValue() {
		if (this.onName) {
			this.onName = false;
			return this.delegate.currentToken();
		}
		return this.delegate.nextValue();
	}

	@Override
	public void finishToken() {
		if (!this.onName) {
			this.delegate.finishToken();
		}
	}

	@Override
	public JsonParser skipChildren() {
		if (!this.onName) {
			this.delegate.skipChildren();
		}
		return this;
	}

	@Override
	public String nextName() {
		if (this.onName) {
			this.onName = false;
			return null;
		}
		return this.delegate.nextName();
	}

	@Override
	public boolean nextName(SerializableString name) {
		if (this.onName) {
			this.onName = false;
			return false;
		}
		return this.delegate.nextName(name);
	}

	@Override
	public int nextNameMatch(PropertyNameMatcher matcher) {
		if (this.onName) {
			this.onName = false;
			return PropertyNameMatcher.MATCH_ODD_TOKEN;
		}
		return this.delegate.nextNameMatch(matcher);
	}

	@Override
	public int currentNameMatch(PropertyNameMatcher matcher) {
		return this.onName ? matcher.matchName(this.name) : this.delegate.currentNameMatch(matcher);
	}

	@Override
	public String getString() {
		return this.onName ? this.name : this.delegate.getString();
	}

	@Override
	public boolean hasStringCharacters() {
		return !this.onName && this.delegate.hasStringCharacters();
	}

	@Override
	public char[] getStringCharacters() {
		return this.onName ? this.name.toCharArray() : this.delegate.getStringCharacters();
	}

	@Override
	public int getStringLength() {
		return this.onName ? this.name.length() : this.delegate.getStringLength();
	}

	@Override
	public int getStringOffset() {
		return this.onName ? 0 : this.delegate.getStringOffset();
	}

	@Override
	public int getString(Writer writer) {
		if (this.onName) {
			try {
				writer.write(this.name);
			}
			catch (IOException ex) {
				throw JacksonIOException.construct(ex);
			}
			return this.name.length();
		}
		return this.delegate.getString(writer);
	}

	@Override
	public String getValueAsString() {
		return this.onName ? this.name : this.delegate.getValueAsString();
	}

	@Override
	public String getValueAsString(String defaultValue) {
		return this.onName ? this.name : this.delegate.getValueAsString(defaultValue);
	}

	@Override
	public <T> T readValueAs(Class<T> valueType) {
		return this.onName ? objectReadContext().readValue(this, valueType) : this.delegate.readValueAs(valueType);
	}

	@Override
	public <T> T readValueAs(TypeReference<T> valueTypeRef) {
		return this.onName ? objectReadContext().readValue(this, valueTypeRef) : this.delegate.readValueAs(valueTypeRef);
	}

	@Override
	public <T> T readValueAs(ResolvedType type) {
		return this.onName ? objectReadContext().readValue(this, type) : this.delegate.readValueAs(type);
	}

	@Override
	public <T extends TreeNode> T readValueAsTree() {
		return this.onName ? objectReadContext().readTree(this) : this.delegate.readValueAsTree();
	}

	@Override
	public void close() throws JacksonException {
		// the live parser belongs to the caller
	}

}
