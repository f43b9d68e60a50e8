// Validate a JSON document against a published model schema, from TypeScript or JavaScript.
//
//     node validate.mjs SCHEMA_DIR MODEL_FILE DOCUMENT_JSON
//
// Every schema in SCHEMA_DIR is added to Ajv (draft 2020-12, strict mode, formats checked),
// so references between the files resolve. Exits 1 and prints each error when invalid.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(join(process.cwd(), "consumers/typescript/package.json"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const [schemaDir, modelFile, documentText] = process.argv.slice(2);
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".schema.json") && name !== "bundle.schema.json" ? [path] : [];
  });

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
for (const path of files(schemaDir)) ajv.addSchema(JSON.parse(readFileSync(path, "utf8")));
const schema = JSON.parse(readFileSync(join(schemaDir, modelFile), "utf8"));
const validate = ajv.getSchema(schema.$id);
if (validate(JSON.parse(documentText))) {
  console.log("valid");
} else {
  for (const error of validate.errors) console.log(`${error.instancePath || "/"}: ${error.message}`);
  console.log(`${validate.errors.length} errors`);
  process.exit(1);
}
