package io.github.openrouter.spring.messages.conformance;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Measures how much of a schema a set of JSON documents exercises: which declared properties
 * appear, and which members of a tagged union ({@code oneOf}/{@code anyOf} told apart by a
 * {@code type} or {@code id} property) occur.
 *
 * <p>
 * Everything expected is read from the OpenAPI document, never hard-coded, so a property or
 * union member added to the spec shows up as missing until the corpus covers it.
 */
final class SchemaCoverage {

	/** Tag used for a union member that accepts any tag value (a catch-all branch). */
	static final String ANY_OTHER = "<any other>";

	private final JsonNode document;

	SchemaCoverage(JsonNode document) {
		this.document = document;
	}

	/**
	 * Returns the schema at a JSON pointer into the OpenAPI document, following {@code $ref}.
	 * @param pointer e.g. {@code /components/schemas/MessagesRequest/properties/tools/items}
	 * @return the resolved schema node
	 */
	JsonNode schemaAt(String pointer) {
		JsonNode node = this.document.at(pointer);
		if (node.isMissingNode()) {
			throw new IllegalArgumentException("Nothing at " + pointer);
		}
		return resolve(node);
	}

	/**
	 * Returns the properties an object schema declares (merging {@code allOf} parts).
	 * @param schema the schema
	 * @return the property names, sorted
	 */
	Set<String> declaredProperties(JsonNode schema) {
		Set<String> names = new TreeSet<>();
		collectProperties(resolve(schema), names);
		return names;
	}

	/**
	 * Returns the members of a tagged union, keyed by the tag values each accepts. A member
	 * whose tag property has no {@code enum}/{@code const} is keyed {@link #ANY_OTHER}; a
	 * member that only accepts {@code null} is left out.
	 * @param union a schema with {@code oneOf} or {@code anyOf}
	 * @param tag the property that tells members apart, e.g. {@code type}
	 * @return tag value to member schema, in declaration order
	 */
	Map<String, JsonNode> unionMembers(JsonNode union, String tag) {
		JsonNode resolved = resolve(union);
		JsonNode branches = resolved.has("oneOf") ? resolved.get("oneOf") : resolved.get("anyOf");
		if (branches == null) {
			throw new IllegalArgumentException("Not a union: " + resolved);
		}
		Map<String, JsonNode> members = new LinkedHashMap<>();
		for (JsonNode branch : branches) {
			JsonNode member = resolve(branch);
			if (isNullOnly(member)) {
				continue;
			}
			Set<String> values = tagValues(member, tag);
			if (values.isEmpty()) {
				members.put(ANY_OTHER, member);
			}
			for (String value : values) {
				members.put(value, member);
			}
		}
		return members;
	}

	/**
	 * Lists the union tag values (see {@link #unionMembers}) no selected instance uses. An
	 * instance without the tag counts for members where the tag is optional; an instance
	 * with a tag no member names counts for {@link #ANY_OTHER}.
	 * @param instances the instances of the union
	 * @param union the union schema
	 * @param tag the tag property
	 * @return the uncovered tag values
	 */
	Set<String> missingMembers(List<JsonNode> instances, JsonNode union, String tag) {
		Map<String, JsonNode> members = unionMembers(union, tag);
		Set<String> missing = new LinkedHashSet<>(members.keySet());
		for (JsonNode instance : instances) {
			JsonNode value = instance.get(tag);
			if (value == null || value.isNull()) {
				members.forEach((name, member) -> {
					if (!isRequired(member, tag)) {
						missing.remove(name);
					}
				});
			}
			else if (members.containsKey(value.asString())) {
				missing.remove(value.asString());
			}
			else {
				missing.remove(ANY_OTHER);
			}
		}
		return missing;
	}

	/**
	 * Lists, for every member of a tagged union that occurs, the declared properties that no
	 * instance of that member uses (a member accepting several tag values counts instances of
	 * all of them; members that never occur are reported by {@link #missingMembers}).
	 * @param instances the instances of the union
	 * @param union the union schema
	 * @param tag the tag property
	 * @return {@code tag.property} entries that are not covered
	 */
	Set<String> missingMemberProperties(List<JsonNode> instances, JsonNode union, String tag) {
		Map<JsonNode, Set<String>> tagsByMember = new IdentityHashMap<>();
		unionMembers(union, tag).forEach((value, member) -> {
			if (!ANY_OTHER.equals(value)) {
				tagsByMember.computeIfAbsent(member, (key) -> new LinkedHashSet<>()).add(value);
			}
		});
		Set<String> missing = new LinkedHashSet<>();
		tagsByMember.forEach((member, tags) -> {
			List<JsonNode> tagged = new ArrayList<>();
			for (JsonNode instance : instances) {
				JsonNode value = instance.get(tag);
				if (value != null && tags.contains(value.asString())) {
					tagged.add(instance);
				}
			}
			if (tagged.isEmpty()) {
				return;
			}
			for (String property : missingProperties(tagged, member)) {
				missing.add(String.join("|", tags) + "." + property);
			}
		});
		return missing;
	}

	/**
	 * Returns the JSON pointer of the union member that accepts a tag value.
	 * @param unionPointer pointer to a schema with {@code oneOf} or {@code anyOf}
	 * @param tag the tag property
	 * @param value the tag value
	 * @return the pointer of that member, e.g. {@code <unionPointer>/oneOf/4}
	 */
	String memberPointer(String unionPointer, String tag, String value) {
		JsonNode union = schemaAt(unionPointer);
		String keyword = union.has("oneOf") ? "oneOf" : "anyOf";
		JsonNode branches = union.get(keyword);
		for (int i = 0; i < branches.size(); i++) {
			if (tagValues(resolve(branches.get(i)), tag).contains(value)) {
				return unionPointer + "/" + keyword + "/" + i;
			}
		}
		throw new IllegalArgumentException("No member with " + tag + "=" + value + " at " + unionPointer);
	}

	/**
	 * Returns the pointers of a union's members, except members that only accept {@code null}
	 * (request types leave nulls out, so those members cannot be exercised).
	 * @param unionPointer pointer to a schema with {@code oneOf} or {@code anyOf}
	 * @return the member pointers
	 */
	List<String> nonNullMemberPointers(String unionPointer) {
		JsonNode union = schemaAt(unionPointer);
		String keyword = union.has("oneOf") ? "oneOf" : "anyOf";
		JsonNode branches = union.get(keyword);
		List<String> pointers = new ArrayList<>();
		for (int i = 0; i < branches.size(); i++) {
			if (!isNullOnly(resolve(branches.get(i)))) {
				pointers.add(unionPointer + "/" + keyword + "/" + i);
			}
		}
		return pointers;
	}

	/**
	 * Lists the declared properties of an object schema that no instance uses.
	 * @param instances the instances
	 * @param schema the object schema
	 * @return the unused property names
	 */
	Set<String> missingProperties(List<JsonNode> instances, JsonNode schema) {
		Set<String> missing = declaredProperties(schema);
		for (JsonNode instance : instances) {
			if (instance.isObject()) {
				missing.removeAll(instance.propertyNames());
			}
		}
		return missing;
	}

	/**
	 * Selects nodes from documents by a slash-separated path. {@code *} stands for every
	 * element of an array; a {@code [type=image]} suffix keeps only nodes whose {@code type} is
	 * {@code image} (on {@code *} or on a property name). Missing and null parts select nothing.
	 * @param documents the documents
	 * @param path e.g. {@code messages/*}{@code /content/*[type=document]/source}
	 * @return the selected nodes
	 */
	static List<JsonNode> select(List<JsonNode> documents, String path) {
		List<JsonNode> current = new ArrayList<>(documents);
		for (String segment : path.split("/")) {
			List<JsonNode> next = new ArrayList<>();
			for (JsonNode node : current) {
				if (segment.startsWith("*")) {
					if (node.isArray()) {
						for (JsonNode element : node) {
							if (matchesFilter(element, segment)) {
								next.add(element);
							}
						}
					}
				}
				else {
					int bracket = segment.indexOf('[');
					String name = (bracket < 0) ? segment : segment.substring(0, bracket);
					JsonNode child = node.isObject() ? node.get(name) : null;
					if (child != null && !child.isNull() && (bracket < 0 || matchesFilter(child, segment))) {
						next.add(child);
					}
				}
			}
			current = next;
		}
		return current;
	}

	private static boolean matchesFilter(JsonNode element, String segment) {
		int bracket = segment.indexOf('[');
		if (bracket < 0) {
			return true;
		}
		String filter = segment.substring(bracket + 1, segment.length() - 1);
		int equals = filter.indexOf('=');
		JsonNode value = element.get(filter.substring(0, equals));
		return value != null && value.isString() && value.asString().equals(filter.substring(equals + 1));
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		while (current.has("$ref")) {
			String ref = current.get("$ref").asString();
			if (!ref.startsWith("#")) {
				throw new IllegalArgumentException("External $ref not supported: " + ref);
			}
			current = this.document.at(ref.substring(1));
		}
		return current;
	}

	private void collectProperties(JsonNode schema, Set<String> names) {
		JsonNode properties = schema.get("properties");
		if (properties != null) {
			names.addAll(properties.propertyNames());
		}
		JsonNode allOf = schema.get("allOf");
		if (allOf != null) {
			for (JsonNode part : allOf) {
				collectProperties(resolve(part), names);
			}
		}
	}

	private Set<String> tagValues(JsonNode member, String tag) {
		Set<String> values = new LinkedHashSet<>();
		JsonNode property = member.path("properties").path(tag);
		if (property.isMissingNode()) {
			for (JsonNode part : member.path("allOf")) {
				values.addAll(tagValues(resolve(part), tag));
			}
			return values;
		}
		JsonNode resolved = resolve(property);
		if (resolved.has("const")) {
			values.add(resolved.get("const").asString());
		}
		for (JsonNode value : resolved.path("enum")) {
			if (!value.isNull()) {
				values.add(value.asString());
			}
		}
		return values;
	}

	private static boolean isNullOnly(JsonNode schema) {
		return schema.size() == 1 && "null".equals(schema.path("type").asString(""));
	}

	private boolean isRequired(JsonNode member, String property) {
		for (JsonNode required : member.path("required")) {
			if (required.asString().equals(property)) {
				return true;
			}
		}
		for (JsonNode part : member.path("allOf")) {
			if (isRequired(resolve(part), property)) {
				return true;
			}
		}
		return false;
	}

}
