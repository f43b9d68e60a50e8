#!/usr/bin/env node
// Holds ajv (draft 2020-12, strict mode, ajv-formats) to the Rust verdicts on the published
// JSON Schemas.
//
// Usage: node check.mjs SCHEMA_DIR [DUMP_DIR]
//
// * Every `*.schema.json` under SCHEMA_DIR except `bundle.schema.json` is registered with
//   `addSchema` in one `new Ajv2020({strict: true, allErrors: true})` with `addFormats`
//   (full mode), so relative `$ref`s between files resolve by `$id`; then each is compiled.
//   A schema that strict mode refuses (unknown keyword or format, ambiguous types, ...) is a
//   failure, printed with the error and the schema.
// * `bundle.schema.json` is compiled on its own in a second, identical instance: its `$defs`
//   carry the same `$id`s as the files, which one ajv instance refuses to hold twice
//   (checked and reported below), and on its own it proves the bundle self-contained.
// * Every `examples` entry and every `default` anywhere in every schema is validated against
//   the subschema that carries it (`{"$ref": "<$id>#<JSON pointer>"}`): each must be valid.
// * With DUMP_DIR, every document of `DUMP_DIR/**/<schema file>l` (the agreement dump of
//   `MODELGEN_AGREEMENT_DUMP=... cargo test --test agreement`) is validated against its
//   model's file schema and against the bundle, and compared with the Rust verdict.
//
// Any disagreement is printed (model, description, document, both verdicts, ajv's errors)
// and the exit status is 1. The only exceptions are the exact documents listed in
// known-differences.mjs: documented behaviours of ajv-formats, each with the verdict ajv is
// known to give; they are printed as "known" and counted, and entries that no longer occur
// are reported as stale.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { KNOWN_DIFFERENCES } from "./known-differences.mjs";

const require = createRequire(import.meta.url);
const AJV_VERSION = require("ajv/package.json").version;
const FORMATS_VERSION = require("ajv-formats/package.json").version;

// The formats the generator can emit (codegen/src/ir.rs, `Format::ALL`).
const GENERATOR_FORMATS = ["date-time", "date", "email", "uri", "uuid", "ipv4", "ipv6"];

const [schemaDir, dumpDir] = process.argv.slice(2);
if (!schemaDir || process.argv.length > 4) {
  console.error("usage: node check.mjs SCHEMA_DIR [DUMP_DIR]");
  process.exit(2);
}

const failures = [];
const known = [];
const usedKnown = new Set();
const counts = new Map();
const count = (what, n = 1) => counts.set(what, (counts.get(what) ?? 0) + n);

function walkFiles(dir, suffix) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walkFiles(p, suffix));
    else if (entry.name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv, { mode: "full", keywords: true });
  return ajv;
}

const compact = (v) => JSON.stringify(v);
const errorsOf = (ajv, validate) =>
  ajv.errorsText(validate.errors, { separator: "; ", dataVar: "" });

// Subschemas and their JSON pointers (schema-aware: data keywords are not walked).
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SCHEMA_VALUES = ["items", "additionalProperties", "not", "if", "then", "else", "contains",
  "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const token = (k) => k.replace(/~/g, "~0").replace(/\//g, "~1");
function* walk(schema, pointer = "") {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return;
  yield [pointer, schema];
  for (const k of SCHEMA_MAPS)
    if (schema[k] && typeof schema[k] === "object")
      for (const [name, sub] of Object.entries(schema[k])) yield* walk(sub, `${pointer}/${k}/${token(name)}`);
  for (const k of SCHEMA_VALUES) if (k in schema) yield* walk(schema[k], `${pointer}/${k}`);
  for (const k of SCHEMA_LISTS)
    if (Array.isArray(schema[k])) for (const [i, sub] of schema[k].entries()) yield* walk(sub, `${pointer}/${k}/${i}`);
}
const uriPointer = (p) => p.split("/").map((t) => encodeURIComponent(t).replace(/%24/g, "$")).join("/");

// ---- load
const files = walkFiles(schemaDir, ".schema.json");
const schemas = new Map(); // relative path -> schema
for (const f of files) {
  const rel = path.relative(schemaDir, f).split(path.sep).join("/");
  try {
    schemas.set(rel, JSON.parse(fs.readFileSync(f, "utf8")));
  } catch (e) {
    failures.push(`${f}: not JSON: ${e.message}`);
  }
}
const bundle = schemas.get("bundle.schema.json");
const modelFiles = [...schemas.keys()].filter((k) => k !== "bundle.schema.json");
count("schema files", schemas.size);
if (!bundle) failures.push(`${schemaDir}: no bundle.schema.json`);

// ---- formats: every format used must be one ajv-formats checks (strict mode would also
// refuse an unknown one at compile time)
{
  const known = new Set(Object.keys(newAjv().formats));
  for (const f of GENERATOR_FORMATS)
    if (!known.has(f)) failures.push(`ajv-formats has no format "${f}" that the generator can emit`);
  for (const [rel, schema] of schemas)
    for (const [pointer, sub] of walk(schema))
      if (typeof sub.format === "string") {
        count(`format ${sub.format} uses`);
        if (!known.has(sub.format)) failures.push(`${rel}#${pointer}: unknown format "${sub.format}"`);
      }
}

// ---- the files, in one instance
const filesAjv = newAjv();
for (const rel of modelFiles) {
  try {
    filesAjv.addSchema(schemas.get(rel));
  } catch (e) {
    failures.push(`ajv refuses to add ${rel}: ${e.message}`);
  }
}
const fileValidators = new Map();
for (const rel of modelFiles) {
  const id = schemas.get(rel).$id;
  try {
    const v = filesAjv.getSchema(id);
    if (!v) throw new Error(`no schema with $id ${id}`);
    fileValidators.set(rel, v);
    count("file schemas compiled (strict)");
  } catch (e) {
    failures.push(`ajv strict mode refuses ${rel}: ${e.message}\n  schema: ${compact(schemas.get(rel))}`);
  }
}

// ---- the bundle, in an instance of its own
let bundleAjv = null;
const bundleValidators = new Map();
if (bundle) {
  bundleAjv = newAjv();
  try {
    bundleAjv.addSchema(bundle);
    if (!bundleAjv.getSchema(bundle.$id)) throw new Error("not compiled");
    count("bundle schemas compiled (strict)");
    for (const rel of modelFiles) {
      const v = bundleAjv.getSchema(schemas.get(rel).$id);
      if (v) bundleValidators.set(rel, v);
      else failures.push(`bundle.schema.json has no $defs entry with $id ${schemas.get(rel).$id}`);
    }
  } catch (e) {
    failures.push(`ajv strict mode refuses bundle.schema.json: ${e.message}`);
    bundleAjv = null;
  }
  // Files and bundle in one instance: reported, not a failure (their `$id`s coincide on purpose).
  const both = newAjv();
  try {
    for (const rel of modelFiles) both.addSchema(schemas.get(rel));
    both.addSchema(bundle);
    both.getSchema(bundle.$id);
    count("files and bundle share one ajv instance");
  } catch (e) {
    console.log(`note: one ajv instance cannot hold both the files and the bundle: ${e.message.split("\n")[0]}`);
  }
}

// ---- verdicts
function report(kind, model, description, document, rust, ajvOk, errors) {
  if (rust === ajvOk) return;
  const verdict = (ok) => (ok ? "accepts" : "rejects");
  const text = compact(document);
  const entry = KNOWN_DIFFERENCES.get(text);
  if (entry && entry.ajv === ajvOk) {
    usedKnown.add(text);
    known.push(`${model} [${kind}]: ${description}: Rust ${verdict(rust)}, ajv ${verdict(ajvOk)} (${entry.why})`);
    return;
  }
  failures.push(`${model} [${kind}]: ${description}\n  document: ${compact(document)}\n` +
    `  Rust ${verdict(rust)}; ajv ${verdict(ajvOk)}${errors ? `: ${errors}` : ""}`);
}

function refValidator(ajv, cache, uri) {
  if (!cache.has(uri)) cache.set(uri, ajv.compile({ $ref: uri }));
  return cache.get(uri);
}

// Examples and defaults.
const places = modelFiles.filter((r) => fileValidators.has(r)).map((r) => [r, schemas.get(r), filesAjv, new Map()]);
if (bundleAjv) places.push(["bundle.schema.json", bundle, bundleAjv, new Map()]);
for (const [rel, schema, ajv, cache] of places) {
  for (const [pointer, sub] of walk(schema)) {
    const entries = [];
    if (Array.isArray(sub.examples)) for (const e of sub.examples) entries.push(["example", e]);
    if ("default" in sub) entries.push(["default", sub.default]);
    for (const [kind, value] of entries) {
      const uri = `${schema.$id}#${uriPointer(pointer)}`;
      let validate;
      try {
        validate = refValidator(ajv, cache, uri);
      } catch (e) {
        failures.push(`${rel}#${pointer}: cannot compile a check of its ${kind}: ${e.message}`);
        continue;
      }
      const ok = validate(value);
      count(`${kind}s checked`);
      report(kind, `${rel}#${pointer}`, `the schema's ${kind}`, value, true, ok, ok ? "" : errorsOf(ajv, validate));
    }
  }
}

// Dumped documents.
if (dumpDir) {
  if (!fs.existsSync(dumpDir)) {
    console.error(`error: dump folder ${dumpDir} does not exist`);
    process.exit(2);
  }
  const dumps = walkFiles(dumpDir, ".schema.jsonl");
  if (dumps.length === 0) failures.push(`${dumpDir}: no *.schema.jsonl dump`);
  for (const dump of dumps) {
    const rel = path.relative(dumpDir, dump).split(path.sep).join("/").slice(0, -1);
    const fileValidate = fileValidators.get(rel);
    if (!fileValidate) {
      failures.push(`${dump}: no compiled schema ${rel} under ${schemaDir}`);
      continue;
    }
    const lines = fs.readFileSync(dump, "utf8").split("\n").filter((l) => l.trim());
    for (const line of lines) {
      const record = JSON.parse(line);
      const { document, valid: rust, description } = record;
      for (const [kind, ajv, validate] of [["file", filesAjv, fileValidate], ["bundle", bundleAjv, bundleValidators.get(rel)]]) {
        if (!validate) continue;
        const ok = validate(document);
        count(`dumped documents checked against the ${kind} (Rust ${rust ? "valid" : "invalid"})`);
        report(kind, rel, description, document, rust, ok, ok ? "" : errorsOf(ajv, validate));
      }
    }
  }
}

for (const k of known) console.log(`known: ${k}`);
for (const f of failures) console.log(`DISAGREEMENT: ${f}\n`);
if (dumpDir)
  for (const text of KNOWN_DIFFERENCES.keys())
    if (!usedKnown.has(text)) console.log(`notice: allowlisted document no longer disagrees (stale entry): ${text}`);
console.log(`ajv ${AJV_VERSION} (Ajv2020, strict, allErrors) + ajv-formats ${FORMATS_VERSION} (full) on ${schemaDir}` +
  (dumpDir ? ` with ${dumpDir}` : ""));
for (const [what, n] of counts) console.log(`  ${what}: ${n}`);
console.log(`  known differences (allowlisted): ${known.length}`);
console.log(`  disagreements and errors: ${failures.length}`);
process.exit(failures.length ? 1 : 0);
