"""Validate a JSON document against a published model schema, from Python.

    python validate.py SCHEMA_DIR MODEL_FILE DOCUMENT_JSON

Every schema in SCHEMA_DIR is registered under its `$id`, so references between the files
resolve without network access. Exits 1 and prints each error when the document is invalid.
"""

import json
import pathlib
import sys

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource


def main() -> int:
    schema_dir, model_file, document = pathlib.Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
    resources = []
    for path in sorted(schema_dir.rglob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)
    schema = json.loads((schema_dir / model_file).read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        print(f"/{'/'.join(map(str, error.absolute_path))}: {error.message}")
    print("valid" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
