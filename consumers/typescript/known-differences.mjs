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
  // "2023-05-01 10:00:00Z": Rust rejects, ajv accepts
  ["{\"id\":\"cus_8f2k1m\",\"name\":\"BZc#sz-m55.wn-gQpro0b_9k_\\\"1QotfeecnQXhZ _0kKQ 1-X~hZ_r2t7KrguZwoxcag ng-2#fa7r.\\\"i5-\\\\Kea X2A-piraot.dKs9#i#7p1f9ytx92y _9r227kXkZ0sx9fm~57Ko1_Zxty5gd/7pnt0w59nB9_XfhB_\",\"status\":\"closed\",\"billing_address\":{\"line1\":\" ew#A9Qgcor2 f_x7b0Apfa/#\\\"ddantseu/ d.w01ati#A\\\\oe\\\\pee1Bhf1Q-/~_dK2zb\\\\0B#7w0K5Aso\\\\o n0f9Ap_#up9/B0.kwbexnZKhKr/Zsse/mreg-Zu7rAKx1hy#o\\\\ ocXyK/5B2rf1.zu/n209a\\\\Z1nhw1c~fd1pQ\\\\_z5#mbshrQewa\\\\QbwsgXxp#XdwxA.X\",\"city\":\"Q\",\"country\":\"GW\"},\"shipping_addresses\":[{\"line1\":\"B\",\"city\":\"\\\\fBAK~B.b1kQm_h\",\"country\":\"EL\"},{\"line1\":\"12 Harbour Street\",\"city\":\"€\",\"country\":\"GB\"},{\"line1\":\"😀ügyw.😀rf uf\\\\h€ж2éhB😀#ooiz7a𝄞€KQ😀🦀X中 €d𝄞中🦀Ω€tñ5жn𝄞中Zwß-é.ж5日€géxü1m ß/-中é-é中u/𝄞жΩu#\",\"city\":\"K\",\"country\":\"GB\"}],\"balance\":527,\"created_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // "2023-05-01 10:00:00Z": Rust rejects, ajv accepts
  ["{\"id\":\"cus_8f2k1m\",\"name\":\"s\",\"status\":\"active\",\"billing_address\":{\"line1\":\"€\",\"city\":\"Leith\",\"country\":\"GB\"},\"shipping_addresses\":[{\"line1\":\"4 Mill Lane\",\"city\":\"Dublin\",\"country\":\"IE\"}],\"created_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // "2023-05-01 10:00:00Z": Rust rejects, ajv accepts
  ["{\"id\":\"cus_8f2k1m\",\"name\":\"K99#x\\\"/p/~x#xd19g\\\"#K.na7~7w9.uh0rt\\\"imycm-cu9a\\\"p~e2uAcph5.hwgtn2p_psuwm/9yh-k1~A_eX-aihpgBo/en\\\\Kty hny Qz~mr7n#yQe/.pQ5\\\"#e~5y\\\\1mpb0#mdtk1zbQZaAkti-sZQek2~fzunQczsi9yfyQ9Byb#~wbx-ch7rmw5t.AXmZtdz/gri2fr\",\"status\":\"active\",\"billing_address\":{\"line1\":\"0_rnb\\\"x2k0\\\\9aQfioXiABkdh fmk h70fytx-1i-\\\"f2eBmywaocyim#\\\"Kk-p##ugcto__.dzoXaZaQXBsgg mAZog_Bp_QBKuit_Ky~1\\\\i.0sf_rt5/zax1sX#52yody .wxttp7QX eenf5~X7\\\\QA#K.w9170wi07ZQ#atp y-kf#Z.isg_0h~.#zm\\\\1a2kKkn0_sce\",\"city\":\"p9b7Q/zzbd.Qx\\\\\",\"country\":\"GB\"},\"shipping_addresses\":[{\"line1\":\"e\",\"city\":\"yu#r1A\\\"mi1Ap~nZ9Z\",\"country\":\"GB\"},{\"line1\":\"é~tBß€ß_/ \\\"QΩ日ñ ßBc_жΩ😀0éck7🦀𝄞🦀. Ω🦀tжB𝄞ñ 中s_/a🦀Qbü日nrü𝄞ΩQ中bQ.ññump𝄞95Q🦀日- 🦀ümf日2ipf0fyé中€é𝄞nΩ𝄞ßñQyufarжΩe日日2p中x~s7nü€cnu5._oé🦀🦀/x𝄞gßi😀#\\\"r😀#😀rsΩ\\\\ñhAжr🦀中ne\\\"🦀😀€e/wzZ中a/ü#9/9日😀thжü-i日K/ßжf7Qß中🦀gk😀Ωg 0cΩZ日\",\"city\":\"Leith\",\"country\":\"GB\"},{\"line1\":\"12 Harbour Street\",\"city\":\"Leith\",\"country\":\"GB\"}],\"balance\":0,\"created_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // "2023-05-01 10:00:00Z": Rust rejects, ajv accepts
  ["{\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"\\\"ah0#aibf\",\"scope\":[\"geen:write\",\"f:read\"],\"contact_email\":\"a+tag@mail.example.org\",\"issued_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // "2023-05-01 10:00:00Z": Rust rejects, ajv accepts
  ["{\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt_51b3c2\",\"scope\":[\"accounts:read\",\"payments:write\"],\"contact_email\":\"security@example.com\",\"issued_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
  // "2023-05-01 10:00:00Z": Rust rejects, ajv accepts
  ["{\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\",\"token_type\":\"Bearer\",\"expires_in\":72522,\"refresh_token\":\"🦀7y中é_中mQ20a😀7жn\",\"scope\":[\"suqe:read\",\"k:read\",\"pof:read\"],\"issued_at\":\"2023-05-01 10:00:00Z\"}",
    { ajv: true, why: DATE_TIME_SPACE }],
]);
