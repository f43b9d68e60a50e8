#!/usr/bin/env python3
"""Splits a file of modelgen's generated Rust into kinds of item and counts the lines and bytes
of each, to show what the compiler spends its time on.

Usage: python3 scripts/rust-breakdown.py GENERATED.rs
Prints TSV: kind, items, lines, bytes (doc comments and attributes count with their item).
"""

import re
import sys


def brace_delta(line, state):
    """The change in brace depth over a line, skipping strings, chars and comments. `state`
    carries an open string (normal or raw) across lines."""
    delta = 0
    i = 0
    n = len(line)
    while i < n:
        if state["raw"] is not None:
            end = line.find('"' + "#" * state["raw"], i)
            if end < 0:
                return delta
            i = end + 1 + state["raw"]
            state["raw"] = None
            continue
        if state["str"]:
            c = line[i]
            if c == "\\":
                i += 2
                continue
            if c == '"':
                state["str"] = False
            i += 1
            continue
        c = line[i]
        if c == "/" and line.startswith("//", i):
            return delta
        m = re.match(r'(?:b?r)(#*)"', line[i:])
        if m and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
            state["raw"] = len(m.group(1))
            i += m.end()
            continue
        if c == '"':
            state["str"] = True
            i += 1
            continue
        if c == "'":
            m = re.match(r"'(\\.|[^\\'])'", line[i:])
            if m:
                i += m.end()
                continue
        if c == "{":
            delta += 1
        elif c == "}":
            delta -= 1
        i += 1
    return delta


def classify(header, body_first_fn):
    h = " ".join(header.split())
    if "JsonSchema for" in h:
        return "impl JsonSchema (schemars)"
    if "modelgen_runtime::Validate for" in h:
        return "impl Validate (checks on the typed value)"
    if "modelgen_runtime::Model for" in h:
        return "impl Model (the schema's shape, static data)"
    if re.search(r"\bimpl\b.*\b(Serialize|Deserialize|de::Object)\b.*\bfor\b", h):
        return "serde impls (hand-written Deserialize and de::Object)"
    if re.search(r"\bimpl\b.*\bfor\b", h):
        return "other trait impls"
    if re.match(r"(pub )?(struct|enum)\b", h):
        return "type definitions (with derives and docs)"
    if re.match(r"(pub )?mod __support\b", h):
        return "support module"
    if re.match(r"(pub )?fn validate_json\b", h):
        return "validate_json dispatch"
    if h.startswith("impl"):
        name = body_first_fn or ""
        if name == "example":
            return "inherent: example()"
        if name == "from_json":
            return "inherent: from_json()"
        if name.startswith("default_"):
            return "inherent: field defaults"
        return "inherent: other"
    return "other items"


def main():
    path = sys.argv[1]
    lines = open(path, encoding="utf-8").read().split("\n")
    totals = {}
    state = {"str": False, "raw": None}
    depth = 0
    module_depths = [0]
    pending = []  # doc and attribute lines waiting for their item
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        at_item_level = depth == module_depths[-1] and not state["str"] and state["raw"] is None
        if at_item_level and (stripped.startswith("///") or stripped.startswith("//!")
                              or stripped.startswith("#") or stripped == ""
                              or stripped.startswith("//")):
            pending.append(line)
            i += 1
            # An attribute may span lines (`#[derive(` ... `)]`): take the rest of it.
            if stripped.startswith("#") and not stripped.endswith("]"):
                while i < len(lines):
                    pending.append(lines[i])
                    i += 1
                    if lines[i - 1].strip().endswith("]"):
                        break
            continue
        if at_item_level and re.match(r"(pub(\([a-z]+\))? )?mod [A-Za-z_0-9]+ \{$", stripped) \
                and "__support" not in stripped:
            depth += brace_delta(line, state)
            module_depths.append(depth)
            pending = []
            i += 1
            continue
        if at_item_level and stripped == "}" and len(module_depths) > 1:
            depth += brace_delta(line, state)
            module_depths.pop()
            pending = []
            i += 1
            continue
        if not at_item_level:
            depth += brace_delta(line, state)
            i += 1
            continue
        # An item starts here: take lines until the depth is back to the module level and the
        # item has ended (a `}` or a `;` at the end).
        start = i
        header = []
        first_fn = None
        while i < len(lines):
            line = lines[i]
            if len(header) < 6:
                header.append(line.strip())
            if first_fn is None:
                m = re.search(r"\bfn ([A-Za-z_0-9]+)", line)
                if m and i > start:
                    first_fn = m.group(1)
            depth += brace_delta(line, state)
            i += 1
            if depth == module_depths[-1] and not state["str"] and state["raw"] is None:
                s = line.rstrip()
                if s.endswith("}") or s.endswith(";") or s.endswith(")"):
                    break
        item = pending + lines[start:i]
        pending = []
        kind = classify(" ".join(header), first_fn)
        entry = totals.setdefault(kind, [0, 0, 0])
        entry[0] += 1
        entry[1] += len(item)
        entry[2] += sum(len(x) + 1 for x in item)
    print("kind\titems\tlines\tbytes")
    for kind, (items, count, size) in sorted(totals.items(), key=lambda kv: -kv[1][2]):
        print(f"{kind}\t{items}\t{count}\t{size}")


if __name__ == "__main__":
    main()
