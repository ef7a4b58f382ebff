#!/usr/bin/env python3
"""Extracts the /messages operation of OpenRouter's OpenAPI document and every schema it
references (transitively) into a small, self-contained OpenAPI 3.1 JSON document.

Usage: python3 extract_messages_spec.py <openrouter-openapi.yaml> > messages-openapi.json

Needs PyYAML. The output keeps every schema byte-for-byte in meaning (YAML re-serialized as
JSON, keys in source order); nothing is renamed or rewritten, so every
'#/components/schemas/<Name>' reference still resolves inside the output.
"""
import json
import sys

import yaml

ROUTE = "/messages"
PREFIX = "#/components/schemas/"


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(PREFIX):
                found.add(value[len(PREFIX):])
            else:
                refs(value, found)
    elif isinstance(node, list):
        for item in node:
            refs(item, found)
    # discriminator mappings reference schemas by JSON pointer too
    return found


def mapping_refs(node, found):
    if isinstance(node, dict):
        mapping = node.get("discriminator", {}).get("mapping", {}) if isinstance(node.get("discriminator"), dict) else {}
        for target in mapping.values():
            if isinstance(target, str) and target.startswith(PREFIX):
                found.add(target[len(PREFIX):])
        for value in node.values():
            mapping_refs(value, found)
    elif isinstance(node, list):
        for item in node:
            mapping_refs(item, found)
    return found


def main(path):
    with open(path, encoding="utf-8") as source:
        document = yaml.safe_load(source)
    schemas = document["components"]["schemas"]
    operation = document["paths"][ROUTE]
    pending = sorted(mapping_refs(operation, refs(operation, set())))
    closure = set()
    while pending:
        name = pending.pop()
        if name in closure:
            continue
        closure.add(name)
        for child in mapping_refs(schemas[name], refs(schemas[name], set())):
            if child not in closure:
                pending.append(child)
    output = {
        "openapi": document["openapi"],
        "info": document["info"],
        "externalDocs": document.get("externalDocs"),
        "paths": {ROUTE: operation},
        "components": {"schemas": {name: schemas[name] for name in schemas if name in closure}},
    }
    json.dump(output, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    print(f"{len(closure)} schemas", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
