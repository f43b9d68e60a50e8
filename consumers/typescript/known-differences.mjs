// Documented differences between ajv-formats and the Rust verdicts; see check.mjs.
//
// Keyed by the exact document (JSON.stringify of the dumped document, as check.mjs prints it);
// the value is the verdict ajv is known to give and why. Only these documents are excused, and
// only with that verdict. Add an entry only after reading the disagreement it excuses: a new
// document that disagrees for another reason is a real bug.

// ajv-formats 3.0.1 (full mode) splits "date-time" at /t|\s/i, so it takes a space (or any
// white space) for the "T" of RFC 3339 section 5.6: ajv-validator/ajv-formats#55 (open since
// 2022) documents it. The Rust side, like the jsonschema crate, requires "T" or "t".
const DATE_TIME_SPACE =
  "ajv-formats accepts a space for the T of a date-time (ajv-validator/ajv-formats#55)";

export const KNOWN_DIFFERENCES = new Map([
  // /created_at is "2023-05-01 10:00:00Z", not a valid date-time: a space instead of `T`
  ["{\"id\":\"cus_8f2k1m\",\"name\":\"Ada Lovelace\",\"email\":\"first.last@example.com\",\"status\":\"active\",\"billing_address\":{\"line1\":\"ü\",\"city\":\"mZ7Kyf1Xed0o ekbt\",\"country\":\"GB\"},\"shipping_addresses\":[{\"line1\":\"4 Mill Lane\",\"city\":\"Dublin\",\"country\":\"IE\"}],\"metadata\":{},\"balance\":580,\"created_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // /created_at is "2023-05-01 10:00:00Z", not a valid date-time: a space instead of `T`
  ["{\"id\":\"cus_r70\",\"name\":\"🦀-2/é𝄞Büm9k1😀n𝄞cü😀жég日ü日c Ω🦀🦀𝄞日pBé€15B😀üyxß72Ω~é日5ßxnñhKB🦀ñéBüeKbé中Z1𝄞🦀mZ1eññ2a_/中K🦀中日Qé😀ñQΩ9yßni.Ωd€Ω0BzΩ.zx€\\\"i日ü1éñ𝄞dcéézKs~#w中中k9ж1-nn€日ké中nA😀üΩk_ü𝄞üm7𝄞€ß o\",\"email\":\"ada@example.com\",\"status\":\"closed\",\"billing_address\":{\"line1\":\"12 Harbour Street\",\"city\":\"Leith\",\"postal_code\":\"EH6 6QU\",\"country\":\"GB\"},\"metadata\":{},\"created_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // /created_at is "2023-05-01 10:00:00Z", not a valid date-time: a space instead of `T`
  ["{\"id\":\"cus_8f2k1m\",\"name\":\"b\",\"status\":\"active\",\"billing_address\":{\"line1\":\"12 Harbour Street\",\"city\":\"Leith\",\"postal_code\":\"EH6 6QU\",\"country\":\"GB\"},\"metadata\":{\"crm_id\":\"A-1042\",\"segment\":\"enterprise\"},\"balance\":866,\"created_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // /issued_at is "2023-05-01 10:00:00Z", not a valid date-time: a space instead of `T`
  ["{\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\",\"token_type\":\"Bearer\",\"expires_in\":56051,\"refresh_token\":\"wKsQ2m\",\"refreshable\":true,\"issued_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // /issued_at is "2023-05-01 10:00:00Z", not a valid date-time: a space instead of `T`
  ["{\"access_token\":\"~5nXt_zgu\\\\7KXw9g\\\\\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"🦀dΩ😀日🦀Ωgb日g5é\",\"scope\":[\"accounts:read\",\"payments:write\"],\"contact_email\":\"first.last@example.co.uk\",\"issued_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // /issued_at is "2023-05-01 10:00:00Z", not a valid date-time: a space instead of `T`
  ["{\"access_token\":\"e-Qo\\\"#yaZ0nrZ9\\\"Qwd~X2ntunk#tg.1K\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"\",\"contact_email\":\"security@example.com\",\"issued_at\":\"2023-05-01 10:00:00Z\",\"refreshable\":true}",
    { ajv: true, why: DATE_TIME_SPACE }],
]);
