#!/usr/bin/env node
// Turns every published JSON Schema into TypeScript with json-schema-to-typescript and has
// `tsc --noEmit --strict` accept the result, together with the schemas' examples (and, with a
// dump, every document Rust accepts) typed as the generated root types.
//
// Usage: node types.mjs SCHEMA_DIR OUT_DIR [DUMP_DIR]
//
// * Each `<path>.schema.json` (the bundle too) becomes `OUT_DIR/<path>.schema.ts`, compiled
//   with `cwd` set to the schema's folder so that relative `$ref`s (`Address.schema.json`,
//   `../components/Link.schema.json`) resolve to the sibling files; `$refOptions` turns HTTP
//   off and maps the published base URI (the bundle's `$id` folder, `https://models.invalid/`)
//   to SCHEMA_DIR, so nothing is fetched. The bundle is compiled with `unreachableDefinitions`
//   so that every `$defs` entry is declared. json-schema-ref-parser ignores `$id`
//   (APIDevTools/json-schema-ref-parser#83), so where the bundle does not resolve as published
//   (entries in folders) that is reported as a note and the bundle is compiled again with every
//   `$ref` resolved by its entry's `$id` and rewritten to `#/$defs/<key>`.
// * For each model file with top-level `examples`, and each with valid documents in
//   DUMP_DIR/**/<schema file>l, `OUT_DIR/<path>.values.ts` declares them as
//   `const values: <Title>[] = [...]`: tsc then checks that the generated types accept what
//   the schema and Rust accept (types, required properties, enums, nullability; TypeScript has
//   no lengths, patterns, bounds or formats, so invalid documents are not checked).
// * `tsc -p OUT_DIR/tsconfig.json` (strict, noEmit) must pass. A generator error, a missing
//   root type or a tsc error fails the run (exit 1).

import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { compile } from "json-schema-to-typescript";

const require = createRequire(import.meta.url);
const JSTT_VERSION = require("json-schema-to-typescript/package.json").version;
const TS_VERSION = require("typescript/package.json").version;
const TSC = require.resolve("typescript/bin/tsc");

const [schemaDir, outDir, dumpDir] = process.argv.slice(2);
if (!schemaDir || !outDir || process.argv.length > 5) {
  console.error("usage: node types.mjs SCHEMA_DIR OUT_DIR [DUMP_DIR]");
  process.exit(2);
}

const failures = [];
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

const schemaRoot = path.resolve(schemaDir);
const rels = walkFiles(schemaRoot, ".schema.json").map((f) => path.relative(schemaRoot, f).split(path.sep).join("/"));
const schemas = new Map(rels.map((r) => [r, JSON.parse(fs.readFileSync(path.join(schemaRoot, r), "utf8"))]));
const bundle = schemas.get("bundle.schema.json");
// The published base URI: the folder of the bundle's (or any root schema's) `$id`.
const anyId = (bundle ?? schemas.values().next().value)?.$id ?? "";
const baseUri = anyId.slice(0, anyId.lastIndexOf("/") + 1);

const refOptions = {
  resolve: {
    http: false,
    published: {
      order: 1,
      canRead: (file) => baseUri !== "" && file.url.startsWith(baseUri),
      read: (file) => {
        const rel = decodeURIComponent(file.url.slice(baseUri.length).split("#")[0]);
        if (rel.split("/").some((p) => p === ".." || p === "")) throw new Error(`not a published schema: ${file.url}`);
        return fs.readFileSync(path.join(schemaRoot, rel), "utf8");
      },
    },
  },
};

// The bundle with each `$ref` of a `$defs` entry resolved against that entry's `$id` and
// written as `#/$defs/<key>` (plus the fragment); a `$ref` that reaches no entry is an error.
function rewriteBundleRefs(bundle) {
  const copy = structuredClone(bundle);
  const keyOfId = new Map(Object.entries(copy.$defs ?? {}).map(([k, d]) => [d.$id, k]));
  const DATA = new Set(["examples", "default", "enum", "const"]);
  const visit = (node, base) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, base));
    if (node === null || typeof node !== "object") return;
    if (typeof node.$id === "string") base = new URL(node.$id, base).href;
    if (typeof node.$ref === "string") {
      const target = new URL(node.$ref, base);
      const fragment = target.hash;
      target.hash = "";
      const key = keyOfId.get(target.href);
      if (key === undefined) throw new Error(`$ref ${JSON.stringify(node.$ref)} (from ${base}) reaches no $defs entry`);
      node.$ref = `#/$defs/${key.replace(/~/g, "~0").replace(/\//g, "~1")}${fragment.replace(/^#/, "")}`;
    }
    for (const [k, v] of Object.entries(node)) if (!DATA.has(k)) visit(v, base);
  };
  visit(copy, copy.$id);
  return copy;
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

const rootTypes = new Map(); // rel -> exported root type name
for (const rel of rels) {
  const schema = schemas.get(rel);
  const isBundle = rel === "bundle.schema.json";
  const tsPath = path.join(outDir, rel.replace(/\.json$/, ".ts"));
  fs.mkdirSync(path.dirname(tsPath), { recursive: true });
  const options = {
    cwd: path.dirname(path.join(schemaRoot, rel)),
    $refOptions: refOptions,
    bannerComment: `/* Generated by json-schema-to-typescript ${JSTT_VERSION} from ${rel}. */`,
    unreachableDefinitions: isBundle,
    strictIndexSignatures: false,
    format: false,
  };
  const name = schema.title ?? path.basename(rel, ".schema.json");
  let ts;
  try {
    ts = await compile(schema, name, options);
  } catch (e) {
    if (!isBundle) {
      failures.push(`json-schema-to-typescript fails on ${rel}: ${e.message}`);
      continue;
    }
    // json-schema-ref-parser resolves a `$ref` against the file, not against the `$id` of
    // the `$defs` entry that holds it (`$id` is not supported: APIDevTools/json-schema-ref-parser#83),
    // so a bundle whose entries sit in folders (`components/...`) does not resolve. Reported,
    // then compiled again with every such `$ref` rewritten to `#/$defs/<key>`, which must work.
    console.log(`note: json-schema-to-typescript cannot resolve ${rel} as published ` +
      `(it ignores the $id of $defs entries): ${e.message.split("\n")[0]}`);
    count("bundle: compiled only with $refs rewritten to #/$defs/... (json-schema-ref-parser#83)");
    let rewritten;
    try {
      rewritten = rewriteBundleRefs(schema);
    } catch (e2) {
      failures.push(`${rel}: ${e2.message}`);
      continue;
    }
    try {
      ts = await compile(rewritten, name, options);
    } catch (e2) {
      failures.push(`json-schema-to-typescript fails on ${rel}, even with $refs rewritten to #/$defs/...: ${e2.message}`);
      continue;
    }
  }
  fs.writeFileSync(tsPath, ts);
  count(isBundle ? "bundle files generated" : "model files generated");
  if (isBundle) continue;
  const title = schema.title;
  if (title && new RegExp(`^export (interface|type|enum|const enum) ${title}\\b`, "m").test(ts)) rootTypes.set(rel, title);
  else failures.push(`${rel}: json-schema-to-typescript declared no root type named after the title ${JSON.stringify(title)}`);
}

// Values that the generated types must accept.
const valid = new Map(); // rel -> [values]
for (const [rel] of rootTypes) {
  const examples = schemas.get(rel).examples;
  if (Array.isArray(examples) && examples.length) valid.set(rel, [...examples]);
}
if (dumpDir) {
  for (const dump of walkFiles(dumpDir, ".schema.jsonl")) {
    const rel = path.relative(dumpDir, dump).split(path.sep).join("/").slice(0, -1);
    if (!rootTypes.has(rel)) {
      failures.push(`${dump}: no generated root type for ${rel}`);
      continue;
    }
    for (const line of fs.readFileSync(dump, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const record = JSON.parse(line);
      if (record.valid) {
        if (!valid.has(rel)) valid.set(rel, []);
        valid.get(rel).push(record.document);
      }
    }
  }
}
for (const [rel, values] of valid) {
  const name = rootTypes.get(rel);
  const module = "./" + path.basename(rel).replace(/\.json$/, "");
  const body = values.map((v) => `  ${JSON.stringify(v)},`).join("\n");
  fs.writeFileSync(path.join(outDir, rel.replace(/\.schema\.json$/, ".values.ts")),
    `import type { ${name} } from ${JSON.stringify(module)};\n\nexport const values: ${name}[] = [\n${body}\n];\n`);
  count("values typed (examples and Rust-valid documents)", values.length);
}

fs.writeFileSync(path.join(outDir, "tsconfig.json"), JSON.stringify({
  compilerOptions: {
    strict: true, noEmit: true, target: "es2022", module: "esnext", moduleResolution: "bundler",
    skipLibCheck: false, types: [], noUnusedLocals: false,
  },
  include: ["**/*.ts"],
}, null, 2));

// Root schemas that constrain nothing (only annotations: a `mixed`/`any` page, or a page with a
// title and description only). json-schema-to-typescript types such a schema as an object,
// `{ [k: string]: unknown }`, instead of `unknown`: bcherny/json-schema-to-typescript#176 and
// #654 (confirmed bugs). A tsc error in a values file that assigns a valid value to such a type
// is that bug, counted and printed as known; every other tsc error fails.
const ANNOTATIONS = new Set(["$schema", "$id", "$comment", "title", "description", "examples", "default",
  "deprecated", "readOnly", "writeOnly"]);
const typeless = new Set([...schemas].filter(([rel, s]) => rel !== "bundle.schema.json" &&
  Object.keys(s).every((k) => ANNOTATIONS.has(k))).map(([, s]) => s.title));
const knownTs = [];
const tsc = spawnSync(process.execPath, [TSC, "-p", path.join(outDir, "tsconfig.json"), "--noEmit", "--strict", "--pretty", "false"],
  { encoding: "utf8", maxBuffer: 64 << 20 });
const tscErrors = [];
for (const line of (tsc.stdout + tsc.stderr).split("\n")) {
  if (/^\S.*: error TS\d+:/.test(line) || tscErrors.length === 0) tscErrors.push(line);
  else tscErrors[tscErrors.length - 1] += "\n" + line;
}
const realErrors = [];
for (const error of tscErrors.filter((e) => e.trim())) {
  const m = error.match(/^(.*\.values\.ts)\(\d+,\d+\): error TS2322: Type '.*' is not assignable to type '(.*)'\./m);
  if (m && (m[2] === "{ [k: string]: unknown; }" || typeless.has(m[2]))) knownTs.push(error.split("\n")[0]);
  else realErrors.push(error);
}
if (tsc.status !== 0 && realErrors.length === 0 && knownTs.length === 0) realErrors.push(`tsc exited with ${tsc.status}`);
if (realErrors.length) {
  failures.push(`tsc --noEmit --strict refuses the generated types (${realErrors.length} errors):\n` +
    realErrors.slice(0, 40).map((e) => "  " + (e.length > 800 ? e.slice(0, 800) + "..." : e)).join("\n"));
} else {
  count("tsc --noEmit --strict: files checked", walkFiles(outDir, ".ts").length);
}
for (const k of knownTs) console.log(`known (json-schema-to-typescript#176: an annotation-only schema typed as an object): ${k}`);
if (typeless.size) count("annotation-only root schemas (typed as objects by json-schema-to-typescript)", typeless.size);
count("tsc errors from json-schema-to-typescript#176 (known)", knownTs.length);

for (const f of failures) console.log(`ERROR: ${f}\n`);
console.log(`json-schema-to-typescript ${JSTT_VERSION} + typescript ${TS_VERSION} on ${schemaDir}` +
  (dumpDir ? ` with ${dumpDir}` : "") + ` -> ${outDir}`);
for (const [what, n] of counts) console.log(`  ${what}: ${n}`);
console.log(`  errors: ${failures.length}`);
process.exit(failures.length ? 1 : 0);
