"""Extracts the account routes of OpenRouter's OpenAPI document for the account client's tests.

Usage: python3 extract_account_spec.py openrouter-openapi.yaml > account-openapi.json
Keeps `info`, `paths./key`, `paths./credits`, `paths./generation` and every schema they reference
(transitively through $ref), unchanged; only re-serializes the YAML as JSON.
"""
import json
import sys

import yaml

PATHS = ["/key", "/credits", "/generation"]


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def main(path):
    with open(path, encoding="utf-8") as file:
        spec = yaml.safe_load(file)
    paths = {name: spec["paths"][name] for name in PATHS}
    schemas = spec["components"]["schemas"]
    wanted, todo = set(), set()
    refs(paths, todo)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        refs(schemas[name], todo)
    out = {
        "openapi": spec["openapi"],
        "info": spec["info"],
        "paths": paths,
        "components": {"schemas": {name: schemas[name] for name in schemas if name in wanted}},
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
