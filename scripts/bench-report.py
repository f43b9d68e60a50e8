#!/usr/bin/env python3
"""Writes BENCHMARKS.md from the results folder that scripts/bench.sh fills.

Usage: python3 scripts/bench-report.py target/bench-results > BENCHMARKS.md
"""

import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_patterns  # noqa: E402

RESULTS = sys.argv[1]
FOLDERS = ["dub-go", "dub-go-2024-06", "dub-php", "dub-php-2024-06", "dub-python",
           "dub-python-2024-06", "dub-ts", "dub-ts-2024-06"]
SYNTHETIC = "synthetic-5000"
SPECS = FOLDERS + [SYNTHETIC]
DOCS = ["token-request", "customer", "customer-list-1mb"]
# Iterations per document in the callgrind runs (scripts/bench.sh).
DOC_ITERATIONS = {"token-request": 20000, "customer": 5000, "customer-list-1mb": 5}
DOC_MODELS = {"token-request": "V3TokenRequest", "customer": "Customer",
              "customer-list-1mb": "CustomerList"}


def path(*parts):
    return os.path.join(RESULTS, *parts)


def read(*parts, default=None):
    try:
        with open(path(*parts), encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def keyvalues(text):
    out = {}
    for line in (text or "").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def tsv(*parts):
    text = read(*parts)
    if text is None:
        return None
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def criterion_median(group, function, parameter):
    """Criterion's median estimate in seconds, or None."""
    text = read("criterion", group, function, parameter, "new", "estimates.json")
    if text is None:
        return None
    return json.loads(text)["median"]["point_estimate"] / 1e9


def seconds(s):
    if s is None:
        return "n/a"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    if s >= 1e-6:
        return f"{s * 1e6:.1f} µs"
    return f"{s * 1e9:.0f} ns"


def count(n):
    if n is None:
        return "n/a"
    if n >= 1e9:
        return f"{n / 1e9:.2f} G"
    if n >= 1e6:
        return f"{n / 1e6:.1f} M"
    if n >= 1e3:
        return f"{n / 1e3:.1f} k"
    return f"{n:.0f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def fmt_ratio(r):
    return "n/a" if r is None else f"{r:.2f}×"


def verdict(ok):
    return "n/a" if ok is None else ("**met**" if ok else "**not met**")


def pages_in(spec):
    if spec == SYNTHETIC:
        root = os.environ.get("MODELGEN_BENCH_SYNTHETIC", "target/synthetic-spec")
    else:
        root = os.path.join(os.environ.get("MODELGEN_BENCH_CORPUS", "../shared/corpus"), spec)
    pages = 0
    size = 0
    for dirpath, _, files in os.walk(root):
        for name in files:
            if name.endswith(".md"):
                pages += 1
                size += os.path.getsize(os.path.join(dirpath, name))
    return pages, size


def output_mb(name, spec, word):
    """The output size the probe printed in its callgrind run, in MB."""
    log = read("callgrind", f"{name}.{spec}.out.log") or ""
    m = re.search(word + r": (\d+) bytes", log)
    return f"{int(m.group(1)) / 1e6:.1f}" if m else "n/a"


# ----- inputs -----
machine = keyvalues(read("machine.txt"))
versions = {}
for line in (read("versions.txt") or "").splitlines():
    if "=" in line:
        k, v = line.split("=", 1)
        versions[k] = f"{versions[k]}, {v}" if k in versions else v
instructions = {}
for row in tsv("instructions.tsv") or []:
    if len(row) == 3 and row[2]:
        instructions[(row[0], row[1])] = int(row[2])
memory = {}
for row in tsv("memory.tsv") or []:
    name, spec, rss, user, sys_ = row
    memory[(name, spec)] = (int(rss) if rss else None, float(user or 0) + float(sys_ or 0))
compile_rows = {}
for row in tsv("compile-time.tsv") or []:
    compile_rows[(row[0], row[1])] = row[2:]
targets = []
out = []
w = out.append

# ----- header -----
w("# Benchmarks")
w("")
w("Written by `bash scripts/bench.sh` (the whole run; see the script's header for knobs), "
  "which builds into `target/bench` and keeps every raw result in `target/bench-results`. "
  "Every figure is a ratio to a baseline measured in the same run. Two kinds of measurement:")
w("")
w("- **instructions**: `valgrind --tool=callgrind --toggle-collect='*bench_measured_region*'` "
  "on `target/bench/release/probe` (bench/src/bin/probe.rs), which counts only the "
  "operation itself, not the process start nor the input preparation. These are repeatable "
  "whatever else the machine runs, so the targets are judged on them first;")
w("- **wall clock**: criterion medians (`cargo bench -p modelgen-bench`), single-threaded; "
  "on a shared 2-core machine they move with the load (recorded below), so read their "
  "ratios, not their absolute values.")
w("")
w("| machine | |")
w("| --- | --- |")
for key, label in [("cpu", "CPU"), ("nproc", "cores (nproc)"), ("memory", "memory"),
                   ("kernel", "kernel"), ("rustc", "rustc"), ("cargo", "cargo"),
                   ("valgrind", "valgrind"), ("commit", "commit"), ("started", "run started"),
                   ("finished", "run finished"), ("load_start", "load average at start"),
                   ("load_end", "load average at end")]:
    if key in machine:
        w(f"| {label} | {machine[key]} |")
if versions:
    w("| crates | " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())) + " |")
w("")
w("Reproduce: `bash scripts/bench.sh` (15 to 40 minutes on this machine). Parts: "
  "`cargo bench -p modelgen-bench --bench generation` and `--bench parse_validate` (criterion); "
  "`target/bench/release/probe {floor|check|typify|parse} ...` under callgrind or "
  "`/usr/bin/time -v`; `bash scripts/compile-time.sh dub-php`; `bash .ci/rebuild-check.sh`; "
  "the synthetic spec is `python3 scripts/synthetic-spec.py target/synthetic-spec --pages 5000`.")
w("")

# ----- 1. generation -----
gen = []
w("## 1. Generation")
w("")
w("modelgen = `modelgen::Config::check()`: every page read, resolved, and rendered to Rust (the "
  "formatted `models.rs`) and to every JSON Schema (as text), in memory. "
  "Floor = reading the same pages (`collect::collect_pages`) and splitting each into its "
  "Markdown parts (`read::read_page`, pulldown-cmark). typify = typify "
  f"{versions.get('typify', '')} on the same models' published bundle (`bundle.schema.json`, "
  "parsed into schemars 0.8's `RootSchema`, `TypeSpace::add_root_schema`, `to_stream`, "
  "formatted with prettyplease, since modelgen's output comes formatted too). typify follows no reference that "
  "leaves the document, so any bundle `$ref` that is not already `#/$defs/<key>` is rewritten "
  "to that form first, outside the timed region (see *What typify cannot read* below: when "
  "typify reads the bundle as published, the rewrite changed nothing).")
w("")
w("### Instructions (callgrind)")
w("")
w("| spec | pages | MB in | floor | modelgen | modelgen ÷ floor (target ≤ 3) | typify | modelgen ÷ typify (target < 1) | MB out: modelgen (Rust + schemas) | MB out: typify (Rust) |")
w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
sums = {"floor": 0, "modelgen": 0, "typify": 0}
complete = True
for spec in SPECS:
    pages, size = pages_in(spec)
    f = instructions.get(("floor", spec))
    m = instructions.get(("modelgen", spec))
    t = instructions.get(("typify", spec))
    if spec in FOLDERS:
        for k, v in (("floor", f), ("modelgen", m), ("typify", t)):
            if v is None:
                complete = False
            else:
                sums[k] += v
    gen.append((spec, ratio(m, f), ratio(m, t)))
    w(f"| {spec} | {pages} | {size / 1e6:.1f} | {count(f)} | {count(m)} | "
      f"{fmt_ratio(ratio(m, f))} | {count(t)} | {fmt_ratio(ratio(m, t))} | "
      f"{output_mb('modelgen', spec, 'check')} | {output_mb('typify', spec, 'typify')} |")
if complete and sums["floor"]:
    w(f"| **all eight folders** | | | {count(sums['floor'])} | {count(sums['modelgen'])} | "
      f"{fmt_ratio(ratio(sums['modelgen'], sums['floor']))} | {count(sums['typify'])} | "
      f"{fmt_ratio(ratio(sums['modelgen'], sums['typify']))} | | |")
w("")

w("### Wall clock (criterion median)")
w("")
w("| spec | floor | modelgen | modelgen ÷ floor | typify | modelgen ÷ typify |")
w("| --- | ---: | ---: | ---: | ---: | ---: |")
wall = {}
for spec in SPECS + ["corpus-all"]:
    f = criterion_median("generation", "floor", spec)
    m = criterion_median("generation", "modelgen", spec)
    t = criterion_median("generation", "typify", spec)
    wall[spec] = (f, m, t)
    label = "**all eight folders, one after another**" if spec == "corpus-all" else spec
    w(f"| {label} | {seconds(f)} | {seconds(m)} | {fmt_ratio(ratio(m, f))} | {seconds(t)} | "
      f"{fmt_ratio(ratio(m, t))} |")
w("")

w("### Peak memory and CPU time of the command line")
w("")
w("`/usr/bin/time -v target/bench/release/modelgen check <folder>` (the whole process: read, "
  "resolve, render, print the warnings), against `probe floor <folder>` and "
  "`probe typify <schemas>` (the whole process too: the typify one includes reading the "
  "bundle and rewriting its references).")
w("")
w("| spec | modelgen max RSS | floor max RSS | modelgen ÷ floor | typify max RSS | modelgen ÷ typify | modelgen CPU (user+sys) |")
w("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
cli_cpu = 0.0
cli_complete = True
for spec in SPECS:
    m = memory.get(("modelgen", spec))
    f = memory.get(("floor", spec))
    t = memory.get(("typify", spec))
    mb = lambda x: "n/a" if x is None or x[0] is None else f"{x[0] / 1024:.0f} MB"
    r = lambda a, b: fmt_ratio(ratio(a[0], b[0])) if a and b and a[0] and b[0] else "n/a"
    if spec in FOLDERS:
        if m is None:
            cli_complete = False
        else:
            cli_cpu += m[1]
    w(f"| {spec} | {mb(m)} | {mb(f)} | {r(m, f)} | {mb(t)} | {r(m, t)} | "
      f"{seconds(m[1]) if m else 'n/a'} |")
if cli_complete:
    w(f"| **all eight folders** | | | | | | {seconds(cli_cpu)} |")
w("")

w("### What typify cannot read")
w("")
w("typify is given each published per-model schema on its own (`<Model>.schema.json`, with "
  "its `$ref`s to sibling files as published), the bundle as published, and the bundle with "
  "local references; panics are caught and count as rejections.")
w("")
w((read("readability.md") or "(not run)\n").rstrip())
w("")

# ----- 2. compile time -----
w("## 2. Compile time of the generated code")
w("")
if compile_rows:
    models = {crate: (compile_rows.get((crate, "models")) or ["n/a"])[0]
              for crate in ("modelgen", "typify")}
    builds = len((compile_rows.get(("modelgen", "generated")) or [""])[0].split()) or "n/a"
    w("`bash scripts/compile-time.sh dub-php` (the largest corpus folder): two throw-away "
      "crates with the same dependencies (serde, serde_json, schemars 1, regress, "
      "modelgen-runtime) and the repository's Cargo.lock, one including modelgen's Rust for "
      "the folder, one typify's Rust for the same models' schemas. Each builds with "
      "`cargo build` (debug, `CARGO_INCREMENTAL=0`) in its own clean target folder: first with "
      f"an empty `lib.rs` (the dependencies), then in two variants, each built {builds} times "
      f"after `touch src/lib.rs`, the figure being the median of the {builds}:")
    w("")
    w("- **generated file alone**: `lib.rs` only includes the generated file. This is what "
      "the models crate costs by itself, and what the target is judged on. modelgen marks "
      "`from_json`, `example` and `validate_json` `#[inline]`, so their code is compiled "
      "only in the crate that calls them, for the models it calls; typify's serde derives are "
      "generic over the deserializer, so they too are mostly compiled only where "
      "`serde_json::from_str::<T>` is instantiated;")
    w("- **with every model's parsing compiled**: `lib.rs` also defines a non-generic public "
      "`parse_every_model(model, text) -> bool`, which forces all the parsing code into the "
      "crate: for modelgen it calls the generated `validate_json`, i.e. every model's "
      f"`from_json` (deserialize and validate; {models['modelgen']} models); for typify it "
      "calls `serde_json::from_str::<T>(text).is_ok()` for every top-level type typify "
      f"generated ({models['typify']} types, the bundle's root included; deserialization "
      "into typify's types, which is all the parsing typify generates). This is what a "
      "program that parses every model pays.")
    w("")
    w("| crate | lib.rs | generated lines | generated bytes | dependencies (wall) | runs (wall) | median wall | median CPU | ÷ typify (wall) | ÷ typify (CPU) |")
    w("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    for what, label in (("generated", "generated file alone"),
                        ("generated+used", "with every model's parsing compiled")):
        tw = compile_rows.get(("typify", what))
        for crate in ("modelgen", "typify"):
            g = compile_rows.get((crate, what))
            d = compile_rows.get((crate, "deps"))
            size = compile_rows.get((crate, "size"))
            if not g:
                continue
            rw = ratio(float(g[1]), float(tw[1])) if tw else None
            rc = ratio(float(g[2]), float(tw[2])) if tw else None
            w(f"| {crate} | {label} | {size[0] if size else 'n/a'} | {size[1] if size else 'n/a'} | "
              f"{d[0] if d else 'n/a'} s | {g[0]} | {g[1]} s | {g[2]} s | {fmt_ratio(rw)} | "
              f"{fmt_ratio(rc)} |")
    w("")
    breakdown = tsv("rust-breakdown.tsv")
    if breakdown:
        total = sum(int(r[3]) for r in breakdown[1:]) or 1
        w("What modelgen's file for dub-php is made of (`python3 scripts/rust-breakdown.py`; "
          "doc comments and attributes count with their item):")
        w("")
        w("| item kind | items | lines | bytes | share of bytes |")
        w("| --- | ---: | ---: | ---: | ---: |")
        for kind, items, lines, size in breakdown[1:]:
            w(f"| {kind} | {items} | {lines} | {size} | {int(size) / total:.0%} |")
        w("")
else:
    w("(not run: SKIP_COMPILE=1)")
    w("")

# ----- 3. parse and validate -----
w("## 3. Parse and validate")
w("")
w("The models of `spec/` plus `bench/spec/CustomerList.md`, generated by bench/build.rs. "
  "from_json = `Model::from_json(text)` (deserialize and validate; all three documents are "
  "valid, so this is the fast path). Floor = `serde_json::from_str::<Model>(text)` into the "
  "same types, no validation. jsonschema = `serde_json::from_str::<Value>(text)` then "
  "`Validator::is_valid` against the model's published schema (draft 2020-12, formats "
  "checked as the generated code checks them), the validator built beforehand. Every figure "
  "includes dropping the result.")
w("")
w("### Instructions per document (callgrind)")
w("")
w("| document | model | bytes | serde_json | from_json | from_json ÷ serde_json (target ≤ 1.25) | jsonschema | jsonschema ÷ from_json (target ≥ 5) | jsonschema ÷ serde_json (the most the previous column can reach) |")
w("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
doc_sizes = {}
crit_path = path("criterion", "parse_validate")
parse = []
for doc in DOCS:
    n = DOC_ITERATIONS[doc]
    get = lambda m: (instructions.get((f"parse-{m}", doc)) or 0) / n or None
    s, f, j = get("serde"), get("from_json"), get("jsonschema")
    size = None
    bench_json = read("criterion", "parse_validate", "serde_json", doc, "new", "benchmark.json")
    if bench_json:
        size = json.loads(bench_json).get("throughput", {}).get("Bytes")
    doc_sizes[doc] = size
    parse.append((doc, ratio(f, s), ratio(j, f)))
    w(f"| {doc} | {DOC_MODELS[doc]} | {size or 'n/a'} | {count(s)} | {count(f)} | "
      f"{fmt_ratio(ratio(f, s))} | {count(j)} | {fmt_ratio(ratio(j, f))} | {fmt_ratio(ratio(j, s))} |")
w("")
w("### Wall clock (criterion median)")
w("")
w("| document | serde_json | from_json | from_json ÷ serde_json | jsonschema | jsonschema ÷ from_json | jsonschema ÷ serde_json |")
w("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
parse_wall = []
for doc in DOCS:
    s = criterion_median("parse_validate", "serde_json", doc)
    f = criterion_median("parse_validate", "from_json", doc)
    j = criterion_median("parse_validate", "jsonschema", doc)
    parse_wall.append((doc, ratio(f, s), ratio(j, f)))
    w(f"| {doc} | {seconds(s)} | {seconds(f)} | {fmt_ratio(ratio(f, s))} | {seconds(j)} | "
      f"{fmt_ratio(ratio(j, f))} | {fmt_ratio(ratio(j, s))} |")
w("")

# ----- 4. rebuild -----
w("## 4. No-change rebuild")
w("")
status = (read("rebuild-check.status") or "").strip()
rebuild_text = read("rebuild-check.txt") or ""
if status:
    w(f"`bash .ci/rebuild-check.sh` ({status}): builds a copy of the repository twice with "
      "`cargo build -v` and checks that the second build reports `models` fresh and does not "
      "run its build script; then that editing, adding and removing a page each rerun it "
      "once. Its lines:")
    w("")
    w("```text")
    for line in rebuild_text.splitlines():
        if line.startswith("rebuild-check:"):
            w(line)
    w("```")
else:
    w("(not run: SKIP_REBUILD=1)")
w("")

# ----- 5. adversarial patterns -----
patterns_lines, patterns_target = bench_patterns.section(RESULTS)
out.extend(patterns_lines)

# ----- profiles -----
PROFILE_LINE = re.compile(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+\S*?:(.*?) \[")


def profile(name):
    text = read(name)
    if text is None:
        return None
    costs = {}
    for line in text.splitlines():
        m = PROFILE_LINE.match(line)
        if m:
            fn = m.group(3)
            costs.setdefault(fn, (int(m.group(1).replace(",", "")), float(m.group(2))))
    return costs


GEN_STAGES = [
    ("modelgen::collect::collect_pages", "reading the files"),
    ("modelgen::read::read_page", "Markdown into tables (pulldown-cmark)"),
    ("modelgen::resolve::resolve", "resolving pages into the model IR"),
    ("modelgen::emit::schema::SchemaBodies::new", "schema bodies, built once for the files and the Rust output"),
    ("modelgen::emit::rust::rust_source_of", "**Rust output, all of it** (written as text)"),
    ("modelgen::emit::validate::validation_items", "… validation code and shapes"),
    ("modelgen::rustdoc::each_doc_line", "… doc comments"),
    ("modelgen::emit::rust::json_schema_impl", "… schemars impls (schema text)"),
    ("modelgen::emit::rust_text::push_str_literal", "… string literals"),
    ("modelgen::emit::schema::published_files_of", "schemas: every model's file and the bundle, as text"),
    ("modelgen::emit::diagram::diagram_page", "the Mermaid diagram"),
]
PARSE_STAGES = [
    ("serde_json::de::from_trait", "deserializing (serde_json into the types, `modelgen_runtime::de`)"),
    ("modelgen_runtime::model::check_typed", "validating the typed value"),
    ("modelgen_runtime::checks::pattern", "… `pattern`"),
    ("modelgen_runtime::checks::format", "… `format` (email)"),
    ("core::str::count::char_count_general_case", "… counting characters for min/maxLength"),
    ("core::ptr::drop_in_place<modelgen_bench::models::CustomerList>", "dropping the result (serde_json's figure has it too)"),
]


def stage_table(costs, stages):
    rows = []
    for fn, label in stages:
        if fn in costs:
            n, pct = costs[fn]
            rows.append(f"| {label} | `{fn}` | {count(n)} | {pct:.1f}% |")
    return rows


w("## Where the time goes")
w("")
w("Inclusive instruction counts from the callgrind runs above (`callgrind_annotate "
  "--inclusive=yes`; the full listings are in `target/bench-results/profile-*.txt`). Shares are "
  "of the whole operation; indented rows are parts of the row above.")
w("")
for name, title, spec in [("profile-dub-php.txt", "Generation, dub-php", "dub-php"),
                          ("profile-synthetic.txt", "Generation, synthetic-5000", SYNTHETIC)]:
    costs = profile(name)
    if costs:
        w(f"### {title}")
        w("")
        w("| stage | function | instructions | share |")
        w("| --- | --- | ---: | ---: |")
        out.extend(stage_table(costs, GEN_STAGES))
        w("")
        total = costs.get("modelgen::Config::check", (None, 0))[0]
        rust = costs.get("modelgen::emit::rust::rust_source_of", (None, 0))[0]
        floor = instructions.get(("floor", spec))
        if total and rust and floor:
            w(f"Everything but the Rust output (reading, resolving, schemas) costs "
              f"{fmt_ratio((total - rust) / floor)} the floor; the Rust output alone "
              f"{fmt_ratio(rust / floor)}.")
            w("")
costs = profile("profile-from_json.txt")
if costs:
    w("### Parse and validate, `CustomerList::from_json` on the 1 MB document "
      f"({DOC_ITERATIONS['customer-list-1mb']} runs)")
    w("")
    w("| stage | function | instructions | share |")
    w("| --- | --- | ---: | ---: |")
    out.extend(stage_table(costs, PARSE_STAGES))
    w("")
    serde_total = instructions.get(("parse-serde", "customer-list-1mb"))
    drop = costs.get("core::ptr::drop_in_place<modelgen_bench::models::CustomerList>", (None, 0))[0]
    deserialize = costs.get("serde_json::de::from_trait", (None, 0))[0]
    validate = costs.get("modelgen_runtime::model::check_typed", (None, 0))[0]
    if serde_total and drop and deserialize and validate:
        parse_only = serde_total - drop
        w(f"Against serde_json's own parse of the same text (its figure less the drop, "
          f"{count(parse_only)}): deserializing in `from_json` costs "
          f"{fmt_ratio(deserialize / parse_only)}, and validating the typed value adds "
          f"{validate / parse_only:.0%} of it; to meet 1.25× with this deserializer, validation "
          f"may add at most about "
          f"{max(0.0, 0.25 * serde_total / parse_only - (deserialize / parse_only - 1)):.0%}.")
        w("")

# ----- targets -----
t = []


def all_ok(values, test):
    values = [v for v in values if v is not None]
    return None if not values else all(test(v) for v in values)


floor_ratios = [r for _, r, _ in gen]
typify_ratios = [r for _, _, r in gen]
worst = lambda values, pick: None if not [v for v in values if v is not None] else pick(v for v in values if v is not None)
t.append(f"- Generation within 3× of the read-and-parse floor: {verdict(all_ok(floor_ratios, lambda r: r <= 3))} "
         f"(instructions: {fmt_ratio(worst(floor_ratios, min))} to {fmt_ratio(worst(floor_ratios, max))} of the floor; "
         + ", ".join(f"{s} {fmt_ratio(r)}" for s, r, _ in gen) + ").")
t.append(f"- Generation faster than typify: {verdict(all_ok(typify_ratios, lambda r: r < 1))} "
         f"(instructions: modelgen takes {fmt_ratio(worst(typify_ratios, min))} to {fmt_ratio(worst(typify_ratios, max))} of typify's; "
         + ", ".join(f"{s} {fmt_ratio(r)}" for s, _, r in gen) + ").")
corpus_all = wall.get("corpus-all", (None, None, None))[1]
if corpus_all is not None:
    ok = corpus_all < 0.5
    t.append(f"- Whole corpus well under a second on one core: {verdict(ok)} "
             f"(criterion median for all eight folders in a row, one thread: {seconds(corpus_all)}"
             + (f"; the CLI's CPU time summed over the folders: {seconds(cli_cpu)}" if cli_complete else "")
             + "; judged met below 0.5 s).")
elif cli_complete:
    t.append(f"- Whole corpus well under a second on one core: {verdict(cli_cpu < 0.5)} "
             f"(the CLI's CPU time summed over the folders: {seconds(cli_cpu)}).")
if status:
    t.append(f"- No-change cargo build doesn't rerun the build script: {verdict(status == 'ok')} "
             "(`.ci/rebuild-check.sh`).")
g = compile_rows.get(("modelgen", "generated"))
tg = compile_rows.get(("typify", "generated"))
gu = compile_rows.get(("modelgen", "generated+used"))
tgu = compile_rows.get(("typify", "generated+used"))
if g and tg:
    r = ratio(float(g[1]), float(tg[1]))
    rc = ratio(float(g[2]), float(tg[2]))
    used = ""
    if gu and tgu:
        used = (f"; with every model's parsing compiled: {fmt_ratio(ratio(float(gu[1]), float(tgu[1])))} "
                f"typify's wall time, {fmt_ratio(ratio(float(gu[2]), float(tgu[2])))} its CPU time")
    t.append(f"- Generated code compiles no slower than typify's output: {verdict(r is not None and r <= 1)} "
             f"(dub-php, debug, the generated file alone: {fmt_ratio(r)} typify's wall time, "
             f"{fmt_ratio(rc)} its CPU time{used}; section 2).")
p_ser = [r for _, r, _ in parse]
p_js = [r for _, _, r in parse]
t.append(f"- Parse+validate within 1.25× of plain serde_json: {verdict(all_ok(p_ser, lambda r: r <= 1.25))} "
         "(instructions: " + ", ".join(f"{d} {fmt_ratio(r)}" for d, r, _ in parse) + "; wall: "
         + ", ".join(f"{d} {fmt_ratio(r)}" for d, r, _ in parse_wall) + ").")
t.append(f"- Parse+validate at least 5× faster than jsonschema: {verdict(all_ok(p_js, lambda r: r >= 5))} "
         "(instructions: jsonschema takes " + ", ".join(f"{d} {fmt_ratio(r)}" for d, _, r in parse)
         + " of from_json's; wall: " + ", ".join(f"{d} {fmt_ratio(r)}" for d, _, r in parse_wall)
         + "). Even a from_json as fast as plain serde_json would reach only the "
         "jsonschema ÷ serde_json column of section 3.")

t.append(patterns_target)

header_end = out.index("## 1. Generation")
summary = ["## Targets", ""] + t + [""]
out[header_end:header_end] = summary
print("\n".join(out).rstrip() + "\n")
