package io.github.openrouter.spring.messages.streaming;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.model.content.Citation;
import io.github.openrouter.spring.messages.model.content.CompactionBlock;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.ServerToolUseBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.CitationsDelta;
import io.github.openrouter.spring.messages.model.stream.CompactionDelta;
import io.github.openrouter.spring.messages.model.stream.Delta;
import io.github.openrouter.spring.messages.model.stream.InputJsonDelta;
import io.github.openrouter.spring.messages.model.stream.SignatureDelta;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.model.stream.ThinkingDelta;

/**
 * The state of one content block of a stream: the block from its
 * {@code content_block_start} plus the deltas received since.
 */
final class BlockAccumulator {

	/** Parses joined tool input; plain, since tool input is free JSON. */
	private static final JsonMapper INPUT_MAPPER = JsonMapper.builder().build();

	private final int index;

	private final ContentBlock start;

	/** Text, thinking or joined partial JSON, depending on the block type. */
	private @Nullable StringBuilder text;

	private @Nullable List<Citation> citations;

	private @Nullable String signature;

	private @Nullable String compactionContent;

	private @Nullable String encryptedContent;

	private @Nullable JsonNode input;

	private boolean stopped;

	private @Nullable ContentBlock built;

	BlockAccumulator(int index, ContentBlock start) {
		this.index = index;
		this.start = start;
	}

	void apply(Delta delta) {
		if (this.stopped) {
			return;
		}
		if (delta instanceof TextDelta textDelta) {
			if (this.start instanceof TextBlock) {
				append(textDelta.text());
			}
		}
		else if (delta instanceof InputJsonDelta jsonDelta) {
			if (isToolUse()) {
				append(jsonDelta.partialJson());
			}
		}
		else if (delta instanceof ThinkingDelta thinkingDelta) {
			if (this.start instanceof ThinkingBlock) {
				append(thinkingDelta.thinking());
			}
		}
		else if (delta instanceof SignatureDelta signatureDelta) {
			if (this.start instanceof ThinkingBlock) {
				this.signature = signatureDelta.signature();
			}
		}
		else if (delta instanceof CitationsDelta citationsDelta) {
			if (this.start instanceof TextBlock) {
				if (this.citations == null) {
					this.citations = new ArrayList<>();
				}
				this.citations.add(citationsDelta.citation());
			}
		}
		else if (delta instanceof CompactionDelta compactionDelta) {
			if (this.start instanceof CompactionBlock) {
				if (compactionDelta.content() != null) {
					this.compactionContent = compactionDelta.content();
				}
				if (compactionDelta.encryptedContent() != null) {
					this.encryptedContent = compactionDelta.encryptedContent();
				}
			}
		}
		// unknown deltas, and deltas that do not fit the block, change nothing
		this.built = null;
	}

	void stop() {
		if (this.stopped) {
			return;
		}
		if (isToolUse()) {
			this.input = parseInput(true);
		}
		this.stopped = true;
		this.built = null;
	}

	ContentBlock build() {
		ContentBlock block = this.built;
		if (block == null) {
			block = buildBlock();
			if (this.stopped) {
				this.built = block;
			}
		}
		return block;
	}

	private ContentBlock buildBlock() {
		if (this.start instanceof TextBlock textBlock) {
			List<Citation> allCitations = textBlock.citations();
			if (this.citations != null) {
				allCitations = new ArrayList<>((allCitations != null) ? allCitations : List.of());
				allCitations.addAll(this.citations);
			}
			if (this.text == null && this.citations == null) {
				return textBlock;
			}
			return new TextBlock(TextBlock.TYPE, joined(textBlock.text()), textBlock.cacheControl(), allCitations);
		}
		if (this.start instanceof ToolUseBlock toolUse) {
			return new ToolUseBlock(ToolUseBlock.TYPE, toolUse.id(), toolUse.name(), currentInput(toolUse.input()),
					toolUse.cacheControl(), toolUse.caller());
		}
		if (this.start instanceof ServerToolUseBlock serverToolUse) {
			return new ServerToolUseBlock(ServerToolUseBlock.TYPE, serverToolUse.id(), serverToolUse.name(),
					currentInput(serverToolUse.input()), serverToolUse.cacheControl(), serverToolUse.caller());
		}
		if (this.start instanceof ThinkingBlock thinking) {
			if (this.text == null && this.signature == null) {
				return thinking;
			}
			return new ThinkingBlock(ThinkingBlock.TYPE, joined(thinking.thinking()),
					(this.signature != null) ? this.signature : thinking.signature());
		}
		if (this.start instanceof CompactionBlock compaction) {
			if (this.compactionContent == null && this.encryptedContent == null) {
				return compaction;
			}
			return new CompactionBlock(CompactionBlock.TYPE,
					(this.compactionContent != null) ? this.compactionContent : compaction.content(),
					(this.encryptedContent != null) ? this.encryptedContent : compaction.encryptedContent(),
					compaction.cacheControl());
		}
		return this.start;
	}

	private @Nullable JsonNode currentInput(@Nullable JsonNode startInput) {
		if (this.stopped) {
			return this.input;
		}
		if (this.text == null || this.text.isEmpty()) {
			return inputWithoutFragments(startInput);
		}
		return parseInput(false);
	}

	private @Nullable JsonNode parseInput(boolean strict) {
		JsonNode startInput = (this.start instanceof ToolUseBlock toolUse) ? toolUse.input()
				: ((ServerToolUseBlock) this.start).input();
		if (this.text == null || this.text.toString().isBlank()) {
			return inputWithoutFragments(startInput);
		}
		try {
			return INPUT_MAPPER.readTree(this.text.toString());
		}
		catch (JacksonException ex) {
			if (!strict) {
				return null;
			}
			throw new OpenRouterDecodingException("The streamed input of content block " + this.index + " ("
					+ this.start.type() + ") is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static JsonNode inputWithoutFragments(@Nullable JsonNode startInput) {
		return (startInput != null && !startInput.isNull()) ? startInput : JsonNodeFactory.instance.objectNode();
	}

	private boolean isToolUse() {
		return this.start instanceof ToolUseBlock || this.start instanceof ServerToolUseBlock;
	}

	private void append(String fragment) {
		if (this.text == null) {
			this.text = new StringBuilder(Math.max(16, fragment.length() * 4));
		}
		this.text.append(fragment);
	}

	private String joined(String initial) {
		if (this.text == null) {
			return initial;
		}
		return initial.isEmpty() ? this.text.toString() : initial + this.text;
	}

}
