#!/usr/bin/env python3
"""Holds python-jsonschema to the Rust verdicts on the published JSON Schemas.

Usage: check.py SCHEMA_DIR [DUMP_DIR]

* Every ``*.schema.json`` under SCHEMA_DIR is registered in a ``referencing.Registry`` under
  its ``$id``, so relative ``$ref``s between files (``Address.schema.json``,
  ``../components/Link.schema.json``) resolve with no network and no file look-up.
  ``bundle.schema.json`` is checked on its own, in a registry that holds nothing else, so that
  it is proved self-contained (its ``$defs`` carry the same ``$id``s as the files).
* Every schema is checked against the draft 2020-12 meta-schema.
* Every ``examples`` entry (and every ``default``) anywhere in every schema is validated
  against the subschema that carries it (addressed as ``<$id>#<JSON pointer>``); an example
  the schema rejects is a disagreement, since the Rust types are built from the same examples.
* With DUMP_DIR, every document in ``DUMP_DIR/**/<schema file>l`` (written by
  ``MODELGEN_AGREEMENT_DUMP=... cargo test --test agreement``) is validated against its
  model's schema file and against the bundle, and the verdict is compared with the Rust one.

Validation is ``jsonschema.Draft202012Validator`` with ``FormatChecker()``; the
``format-nongpl`` extra provides the checkers for ``uri`` (rfc3986-validator) and
``date-time`` (rfc3339-validator); ``email``, ``date``, ``uuid``, ``ipv4``, ``ipv6`` are
built in. A ``format`` used by a schema that the checker does not know fails the run instead
of passing silently.

Every disagreement is printed (model, description, document, both verdicts, the library's
error) and the exit status is 1. The only exceptions are listed in ``KNOWN_DIFFERENCES``
(known_differences.py): documented behaviours of python-jsonschema (or the format library it
delegates to), keyed by the exact document, with the verdict that library is expected to give.
They are still printed, as "known", with a count.
"""

from __future__ import annotations

import importlib.metadata
import json
import sys
from pathlib import Path
from typing import Any, Iterator

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

# The formats the generator can emit (codegen/src/ir.rs, `Format::ALL`); each must have a
# real checker here.
GENERATOR_FORMATS = ("date-time", "date", "email", "uri", "uuid", "ipv4", "ipv6")

# Documented differences between python-jsonschema's format checkers and the Rust semantics
# (which follow the `jsonschema` crate), keyed by the exact document: see known_differences.py
# for the list and the documentation of each. Today there are two kinds:
# * email: python-jsonschema deliberately checks only that the string contains "@"
#   (jsonschema/_format.py `is_email`; documented at
#   https://python-jsonschema.readthedocs.io/en/stable/validate/#email, intended per
#   python-jsonschema/jsonschema#1284 and #204). The Rust side rejects empty local parts,
#   empty domains or labels, spaces and a second "@".
# * date-time leap seconds: python-jsonschema delegates `date-time` to rfc3339-validator, whose
#   `validate_rfc3339` says "Leap seconds are no[t] supported" (seconds 00-59). The Rust side
#   accepts 23:59:60 UTC, as the `jsonschema` crate does.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from known_differences import KNOWN_DIFFERENCES  # noqa: E402


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def load_schemas(schema_dir: Path) -> dict[Path, dict]:
    schemas = {}
    for path in sorted(schema_dir.rglob("*.schema.json")):
        schemas[path.relative_to(schema_dir)] = json.loads(path.read_text(encoding="utf-8"))
    return schemas


def registry_of(schemas: list[dict]) -> Registry:
    def refuse(uri: str):
        # No network, no file system: everything must be registered.
        raise LookupError(f"no published schema has $id {uri}")

    registry = Registry(retrieve=refuse)
    for schema in schemas:
        registry = registry.with_resource(schema["$id"], DRAFT202012.create_resource(schema))
    return registry.crawl()


SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
SCHEMA_VALUES = (
    "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema",
)
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


def pointer_token(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def walk(schema: Any, pointer: str = "") -> Iterator[tuple[str, dict]]:
    """Every subschema (a dict) with its JSON pointer from the document root."""
    if not isinstance(schema, dict):
        return
    yield pointer, schema
    for key in SCHEMA_MAPS:
        if isinstance(schema.get(key), dict):
            for name, sub in schema[key].items():
                yield from walk(sub, f"{pointer}/{key}/{pointer_token(name)}")
    for key in SCHEMA_VALUES:
        if key in schema:
            yield from walk(schema[key], f"{pointer}/{key}")
    for key in SCHEMA_LISTS:
        if isinstance(schema.get(key), list):
            for i, sub in enumerate(schema[key]):
                yield from walk(sub, f"{pointer}/{key}/{i}")


def uri_escape_pointer(pointer: str) -> str:
    from urllib.parse import quote

    return quote(pointer, safe="/~$-_.!*'()")


class Checker:
    def __init__(self) -> None:
        self.format_checker = FormatChecker()
        self.counts: dict[str, int] = {}
        self.failures: list[str] = []
        self.known: list[str] = []
        self.used_known: set[str] = set()
        self._validators: dict[tuple[int, str], Draft202012Validator] = {}

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def validator(self, registry: Registry, uri: str) -> Draft202012Validator:
        key = (id(registry), uri)
        if key not in self._validators:
            self._validators[key] = Draft202012Validator(
                {"$ref": uri}, registry=registry, format_checker=self.format_checker
            )
        return self._validators[key]

    def verdict(self, registry: Registry, uri: str, document: Any) -> tuple[bool, str]:
        validator = self.validator(registry, uri)
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
        if error is None:
            return True, ""
        where = "/" + "/".join(str(p) for p in error.absolute_path)
        return False, f"{error.message} (at {where}, keyword {error.validator})"

    def compare(self, kind: str, model: str, description: str, document: Any,
                rust: bool, python: bool, why: str) -> None:
        if rust == python:
            return
        text = compact(document)
        verdict = lambda ok: "accepts" if ok else "rejects"  # noqa: E731
        report = (
            f"{model} [{kind}]: {description}\n"
            f"  document: {text}\n"
            f"  Rust {verdict(rust)}; python-jsonschema {verdict(python)}"
            + (f": {why}" if why else "")
        )
        known = KNOWN_DIFFERENCES.get(text)
        if known is not None and known[0] == python:
            self.used_known.add(text)
            self.known.append(f"{model} [{kind}]: {description}: Rust {verdict(rust)}, "
                              f"python-jsonschema {verdict(python)} ({known[1].split(' (')[0]})")
        else:
            self.failures.append(report)

    def check_folder(self, schema_dir: Path, dump_dir: Path | None) -> None:
        schemas = load_schemas(schema_dir)
        if not schemas:
            self.failures.append(f"{schema_dir}: no *.schema.json")
            return
        bundle_path = Path("bundle.schema.json")
        bundle = schemas.get(bundle_path)
        files = {p: s for p, s in schemas.items() if p != bundle_path}
        self.count("schema files", len(schemas))

        # Meta-schema, and every format known to the checker.
        for path, schema in schemas.items():
            try:
                Draft202012Validator.check_schema(schema, format_checker=self.format_checker)
            except jsonschema.exceptions.SchemaError as e:
                self.failures.append(f"{schema_dir / path}: not a valid draft 2020-12 schema: "
                                     f"{e.message} at {list(e.absolute_path)}")
            for pointer, sub in walk(schema):
                fmt = sub.get("format")
                if isinstance(fmt, str):
                    self.count(f"format {fmt} uses")
                    if fmt not in self.format_checker.checkers:
                        self.failures.append(
                            f"{schema_dir / path}#{pointer}: format {fmt!r} has no checker in "
                            "python-jsonschema here: it would pass every string")
        for fmt in GENERATOR_FORMATS:
            if fmt not in self.format_checker.checkers:
                self.failures.append(f"python-jsonschema has no checker for format {fmt!r} "
                                     "(install jsonschema[format-nongpl])")

        ids = {}
        for path, schema in files.items():
            if schema.get("$id") in ids:
                self.failures.append(f"{path} and {ids[schema['$id']]} share $id {schema['$id']}")
            ids[schema.get("$id")] = path
        registry = registry_of(list(files.values()))
        bundle_registry = registry_of([bundle]) if bundle is not None else None
        if bundle is None:
            self.failures.append(f"{schema_dir}: no bundle.schema.json")

        # Examples and defaults, in the files and in the bundle.
        places = [(p, s, registry) for p, s in files.items()]
        if bundle is not None:
            places.append((bundle_path, bundle, bundle_registry))
        for path, schema, reg in places:
            for pointer, sub in walk(schema):
                uri = schema["$id"] + "#" + uri_escape_pointer(pointer)
                entries = [("example", e) for e in sub.get("examples", [])
                           if isinstance(sub.get("examples"), list)]
                if "default" in sub:
                    entries.append(("default", sub["default"]))
                for kind, value in entries:
                    try:
                        ok, why = self.verdict(reg, uri, value)
                    except Exception as e:  # unresolvable reference and the like
                        self.failures.append(f"{schema_dir / path}#{pointer}: cannot validate "
                                             f"its {kind} {compact(value)}: {e!r}")
                        continue
                    self.count(f"{kind}s checked")
                    self.compare(kind, f"{schema_dir / path}#{pointer}", f"the schema's {kind}",
                                 value, True, ok, why)

        # The dumped agreement documents.
        if dump_dir is None:
            return
        dumps = sorted(dump_dir.rglob("*.schema.jsonl"))
        if not dumps:
            self.failures.append(f"{dump_dir}: no *.schema.jsonl dump")
        for dump in dumps:
            rel = dump.relative_to(dump_dir)
            schema_path = rel.with_name(rel.name[:-1])  # drop the trailing "l"
            schema = files.get(schema_path)
            if schema is None:
                self.failures.append(f"{dump}: no schema {schema_path} under {schema_dir}")
                continue
            model = str(schema_path)
            for n, line in enumerate(dump.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                record = json.loads(line)
                document, rust = record["document"], record["valid"]
                description = record.get("description", f"line {n}")
                targets = [("file", registry, schema["$id"])]
                if bundle_registry is not None:
                    targets.append(("bundle", bundle_registry, schema["$id"]))
                for kind, reg, uri in targets:
                    ok, why = self.verdict(reg, uri, document)
                    self.count(f"dumped documents checked against the {kind} "
                               f"(Rust {'valid' if rust else 'invalid'})")
                    self.compare(kind, model, description, document, rust, ok, why)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    schema_dir = Path(argv[1])
    dump_dir = Path(argv[2]) if len(argv) == 3 else None
    if dump_dir is not None and not dump_dir.is_dir():
        print(f"error: dump folder {dump_dir} does not exist", file=sys.stderr)
        return 2
    checker = Checker()
    checker.check_folder(schema_dir, dump_dir)

    label = f"python-jsonschema {importlib.metadata.version('jsonschema')}"
    for report in checker.known:
        print(f"known: {report}")
    for report in checker.failures:
        print(f"DISAGREEMENT: {report}\n")
    stale = [k for k in KNOWN_DIFFERENCES if k not in checker.used_known]
    if dump_dir is not None and stale:
        for text in stale:
            print(f"notice: allowlisted document no longer disagrees (stale entry): {text}")
    print(f"{label.strip()} on {schema_dir}" + (f" with {dump_dir}" if dump_dir else ""))
    for what, n in checker.counts.items():
        print(f"  {what}: {n}")
    print(f"  known differences (allowlisted): {len(checker.known)}")
    print(f"  disagreements and errors: {len(checker.failures)}")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
