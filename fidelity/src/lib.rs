//! Fidelity to the true API: the models generated from SDK pages compared with the OpenAPI
//! documents the pages were generated from, property by property (presence and wire name,
//! type, enum values, required, nullability). Facts the page format cannot carry are counted
//! apart from misreads.

pub mod compare;
pub mod openapi;
