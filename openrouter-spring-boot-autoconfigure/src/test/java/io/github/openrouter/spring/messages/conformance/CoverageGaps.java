package io.github.openrouter.spring.messages.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Collects coverage gaps of a set of JSON documents against schemas of the OpenAPI document;
 * the building block of {@link RequestCoverage} and {@link ResponseCoverage}.
 */
final class CoverageGaps {

	private final OpenApiSchemas schemas = OpenApiSchemas.get();

	private final SchemaCoverage coverage = new SchemaCoverage(this.schemas.document());

	private final List<JsonNode> documents;

	private final String rootLabel;

	private final List<String> gaps = new ArrayList<>();

	CoverageGaps(List<JsonNode> documents, String rootLabel) {
		this.documents = documents;
		this.rootLabel = rootLabel;
	}

	SchemaCoverage coverage() {
		return this.coverage;
	}

	List<String> gaps() {
		return this.gaps;
	}

	/**
	 * Every declared property of the object schema at {@code pointer} appears at {@code path}.
	 */
	CoverageGaps properties(String path, String pointer) {
		Set<String> missing = this.coverage.missingProperties(select(path), this.coverage.schemaAt(pointer));
		if (!missing.isEmpty()) {
			this.gaps.add(label(path) + ": properties never used " + missing);
		}
		return this;
	}

	/**
	 * Every member of the tagged union at {@code pointer} occurs at {@code path}, and every
	 * property of every member is used.
	 */
	CoverageGaps members(String path, String pointer, String tag) {
		return members(path, pointer, tag, true);
	}

	/**
	 * Every member of the tagged union at {@code pointer} occurs at {@code path}; member
	 * properties are checked when {@code memberProperties} is set.
	 */
	CoverageGaps members(String path, String pointer, String tag, boolean memberProperties) {
		List<JsonNode> instances = select(path);
		JsonNode union = this.coverage.schemaAt(pointer);
		Set<String> missing = this.coverage.missingMembers(instances, union, tag);
		if (!missing.isEmpty()) {
			this.gaps.add(label(path) + ": " + tag + " values never used " + missing);
		}
		if (memberProperties) {
			Set<String> missingProperties = this.coverage.missingMemberProperties(instances, union, tag);
			if (!missingProperties.isEmpty()) {
				this.gaps.add(label(path) + ": member properties never used " + missingProperties);
			}
		}
		return this;
	}

	/**
	 * Every non-null member of the (untagged) union at {@code pointer} matches at least one
	 * instance at {@code path}.
	 */
	CoverageGaps shapes(String path, String pointer) {
		List<JsonNode> instances = select(path);
		for (String member : this.coverage.nonNullMemberPointers(pointer)) {
			boolean matched = instances.stream()
				.anyMatch((instance) -> this.schemas.validateAt(member, instance).isEmpty());
			if (!matched) {
				this.gaps.add(label(path) + ": no instance has the shape " + member);
			}
		}
		return this;
	}

	/**
	 * Declared versus used properties of the object schema at {@code pointer}.
	 */
	Counts counts(String path, String pointer) {
		JsonNode schema = this.coverage.schemaAt(pointer);
		Set<String> declared = this.coverage.declaredProperties(schema);
		Set<String> missing = this.coverage.missingProperties(select(path), schema);
		return new Counts(declared.size(), declared.size() - missing.size(), missing);
	}

	private List<JsonNode> select(String path) {
		return path.isEmpty() ? this.documents : SchemaCoverage.select(this.documents, path);
	}

	private String label(String path) {
		return path.isEmpty() ? this.rootLabel : path;
	}

	/**
	 * Declared versus used properties of one object schema.
	 *
	 * @param declared number of declared properties
	 * @param covered number of those used at least once
	 * @param missing the unused ones
	 */
	record Counts(int declared, int covered, Set<String> missing) {

	}

}
