#!/usr/bin/env python3
"""Writes a deterministic synthetic spec of model pages for the benchmarks.

Usage: python3 scripts/synthetic-spec.py OUT_DIR [--pages N]   (default N = 5000)

The pages are in the form the SDK generators write (see README.md, "What a page may
contain"), spread over two folders like a real `docs/models`:

- `components/`: objects (`## Fields` with Type, Required, Description, Example and
  Constraints columns), enums (`## Values` tables) and unions (`## Supported Types`);
- `operations/`: request objects that link to components across the folder boundary.

Objects use strings, numbers, booleans, dates, links to other pages, lists of both, maps of
both and constraints (lengths, patterns, ranges, item counts, formats). Links point to pages
with a smaller number, plus some self links, so the graph has recursion but no long cycles.

The output depends only on N: the same N always writes the same bytes. OUT_DIR is emptied of
`.md` files first; nothing else in it is touched. The folder is for benchmarks: it is not
committed.
"""

import argparse
import os
import sys


class Rng:
    """xorshift64*: deterministic on every Python version, unlike `random`'s helpers."""

    def __init__(self, seed):
        self.state = (seed * 0x9E3779B97F4A7C15 + 1) & 0xFFFFFFFFFFFFFFFF

    def next(self):
        x = self.state
        x ^= (x >> 12)
        x ^= (x << 25) & 0xFFFFFFFFFFFFFFFF
        x ^= (x >> 27)
        self.state = x
        return (x * 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        return self.next() % n

    def chance(self, percent):
        return self.below(100) < percent

    def choice(self, items):
        return items[self.below(len(items))]


WORDS = [
    "account", "amount", "balance", "batch", "billing", "campaign", "channel", "city", "code",
    "comment", "country", "coupon", "currency", "customer", "device", "discount", "domain",
    "email", "event", "folder", "invoice", "item", "label", "language", "link", "merchant",
    "note", "order", "owner", "partner", "payment", "payout", "plan", "price", "product",
    "program", "project", "quantity", "reason", "referrer", "region", "reward", "sale", "scope",
    "segment", "session", "source", "status", "tag", "tax", "tenant", "token", "url", "user",
    "visit", "webhook", "workspace",
]

DATE_LINK = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"


def pascal(words):
    return "".join(w[:1].upper() + w[1:] for w in words)


def camel(words):
    return words[0] + pascal(words[1:])


def model_name(rng, index, kind):
    words = [rng.choice(WORDS), rng.choice(WORDS)]
    return f"{pascal(words)}{kind}{index}"


def table(header, rows):
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    def line(cells):
        return "| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(cells)) + " |"
    out = [line(header), "| " + " | ".join("-" * w for w in widths) + " |"]
    out.extend(line(row) for row in rows)
    return "\n".join(out)


def plan(pages):
    """The kind and name of every page, decided before any page is written so that links can
    point at any earlier page."""
    rng = Rng(pages)
    entries = []
    for index in range(pages):
        roll = rng.below(100)
        if index < 20 or roll < 62:
            kind = "object"
        elif roll < 85:
            kind = "enum"
        else:
            kind = "union"
        folder = "operations" if index % 5 == 4 else "components"
        suffix = {"object": "", "enum": "Kind", "union": "Choice"}[kind]
        if folder == "operations" and kind == "object":
            suffix = "Request"
        entries.append({"index": index, "kind": kind, "folder": folder,
                        "name": model_name(rng, index, suffix)})
    return entries


def link(entry, target):
    if entry["folder"] == target["folder"]:
        path = f"{target['name']}.md"
    else:
        path = f"../{target['folder']}/{target['name']}.md"
    return f"[{target['name']}]({path})"


def earlier(rng, entries, entry, kinds, folder=None):
    """A page with a smaller index of one of `kinds` (in `folder` when given), or None."""
    for _ in range(8):
        if entry["index"] == 0:
            return None
        candidate = entries[rng.below(entry["index"])]
        if candidate["kind"] in kinds and (folder is None or candidate["folder"] == folder):
            return candidate
    return None


def object_page(rng, entries, entry):
    rows = []
    used = set()
    count = 4 + rng.below(9)
    for position in range(count):
        while True:
            words = [rng.choice(WORDS), rng.choice(WORDS)]
            name = camel(words)
            if name not in used:
                used.add(name)
                break
        required = position == 0 or rng.chance(45)
        description = f"{pascal(words)} is the {' '.join(words)} of the {entry['name']}."
        example = ""
        constraints = ""
        roll = rng.below(100)
        target_object = earlier(rng, entries, entry, ("object",), "components")
        target_any = earlier(rng, entries, entry, ("object", "enum", "union"), "components")
        if position == 0:
            ty = "*string*"
            example = f"{words[0][:3]}_{entry['index']:05d}"
            constraints = '{"pattern": "^[a-z]{3}_[0-9]+$"}'
        elif roll < 22:
            ty = "*string*"
            example = f"{words[0]} {words[1]}"
            constraints = rng.choice(['{"minLength": 1, "maxLength": 200}', '{"format": "email"}',
                                      '{"maxLength": 64}', ""])
            if constraints == '{"format": "email"}':
                example = f"{words[0]}@example.com"
        elif roll < 32:
            ty = "*number*"
            example = str(rng.below(1000))
            constraints = rng.choice(['{"minimum": 0, "maximum": 100000}',
                                      '{"type": "integer", "minimum": 0}', ""])
        elif roll < 38:
            ty = "*boolean*"
            example = rng.choice(["true", "false"])
        elif roll < 43:
            ty = DATE_LINK
            example = "2024-03-18T09:30:00Z"
        elif roll < 63 and target_any is not None:
            ty = link(entry, target_any)
        elif roll < 73 and target_object is not None:
            ty = link(entry, target_object) + "[]"
            constraints = rng.choice(['{"maxItems": 50}', ""])
        elif roll < 80:
            ty = "*string*[]"
            example = '[<br/>"alpha",<br/>"beta"<br/>]'
            constraints = rng.choice(['{"maxItems": 10, "uniqueItems": true}', ""])
        elif roll < 86:
            ty = "Record<string, *string*>"
            example = '{<br/>"key": "value"<br/>}'
        elif roll < 90 and target_object is not None:
            ty = f"Record<string, {link(entry, target_object)}>"
        elif roll < 93 and entry["kind"] == "object":
            ty = link(entry, entry)
            required = False
        else:
            ty = "*number*[]"
            example = "[<br/>1,<br/>2<br/>]"
        rows.append([f"`{name}`", ty, ":heavy_check_mark:" if required else ":heavy_minus_sign:",
                     description, example, constraints])
    header = ["Field", "Type", "Required", "Description", "Example", "Constraints"]
    return (f"# {entry['name']}\n\n{entry['name']} is synthetic model number {entry['index']} "
            f"of the benchmark spec.\n\n\n## Fields\n\n{table(header, rows)}\n")


def enum_page(rng, entry):
    rows = []
    used = set()
    for _ in range(2 + rng.below(7)):
        word = rng.choice(WORDS)
        if word in used:
            continue
        used.add(word)
        rows.append([f"`{pascal([word])}`", word])
    return (f"# {entry['name']}\n\n{entry['name']} is synthetic enum number {entry['index']}.\n\n\n"
            f"## Values\n\n{table(['Name', 'Value'], rows)}\n")


def union_page(rng, entries, entry):
    parts = []
    seen = set()
    for _ in range(2 + rng.below(3)):
        target = earlier(rng, entries, entry, ("object",), "components")
        if target is None or target["name"] in seen:
            continue
        seen.add(target["name"])
        parts.append(f"### `components.{target['name']}`\n\n```typescript\n"
                     f"const value: components.{target['name']} = {{}};\n```\n")
    parts.append("### `string`\n\n```typescript\nconst value: string = \"<value>\";\n```\n")
    return (f"# {entry['name']}\n\n{entry['name']} is synthetic union number {entry['index']}.\n\n\n"
            f"## Supported Types\n\n" + "\n".join(parts))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--pages", type=int, default=5000)
    args = parser.parse_args()
    entries = plan(args.pages)
    for folder in ("components", "operations"):
        path = os.path.join(args.out_dir, folder)
        os.makedirs(path, exist_ok=True)
        for name in os.listdir(path):
            if name.endswith(".md"):
                os.remove(os.path.join(path, name))
    total = 0
    for entry in entries:
        rng = Rng(entry["index"] * 7919 + 17)
        if entry["kind"] == "object":
            text = object_page(rng, entries, entry)
        elif entry["kind"] == "enum":
            text = enum_page(rng, entry)
        else:
            text = union_page(rng, entries, entry)
        path = os.path.join(args.out_dir, entry["folder"], entry["name"] + ".md")
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        total += len(text)
    print(f"synthetic-spec: wrote {len(entries)} pages ({total} bytes) to {args.out_dir}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
