//! Tables registered at run time, found by method name beside the compiled ones.
//!
//! What registering does: a method this package ships is refused (`shipped`); a new method is added; a method
//! registered before is replaced by the new table (the same table again changes nothing). A built table is
//! never freed (the engine's tables are `'static`), so at most [`MAX_BUILT`] tables are built per process;
//! past that, registering is refused (`registry_full`) — a process that needs more re-reads its tables in a
//! fresh instance (the JS layer does so when it replaces one).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::RwLock;

use super::table::{self, load, TableCode, TableDoc, TableProblem};
use super::Api;

/// The most tables one process builds.
pub const MAX_BUILT: usize = 256;

static REGISTERED: RwLock<Vec<&'static Api>> = RwLock::new(Vec::new());
static BUILT: AtomicUsize = AtomicUsize::new(0);

/// Check a table file and register it. The refusal lists every problem found (at most 100), each at its path.
pub fn register(text: &str) -> Result<&'static Api, Vec<TableProblem>> {
    register_doc(&load::parse(text)?)
}

/// Register a parsed table (checked here again: a document may have been built in code).
pub fn register_doc(doc: &TableDoc) -> Result<&'static Api, Vec<TableProblem>> {
    let problems = load::check(doc);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut all = REGISTERED.write().unwrap_or_else(|e| e.into_inner());
    let at = all.iter().position(|a| a.method == doc.method);
    if let Some(i) = at {
        if table::export(all[i]) == *doc {
            return Ok(all[i]);
        }
    }
    if BUILT.fetch_add(1, Ordering::Relaxed) >= MAX_BUILT {
        BUILT.fetch_sub(1, Ordering::Relaxed);
        let message = format!("{MAX_BUILT} tables were built in this process; no more can be registered");
        return Err(vec![TableProblem { path: String::new(), code: TableCode::RegistryFull, message }]);
    }
    let api = load::build(doc);
    match at {
        Some(i) => all[i] = api,
        None => all.push(api),
    }
    Ok(api)
}

/// Stop answering for a registered method (its table stays built). Whether it was registered.
pub fn unregister(method: &str) -> bool {
    let mut all = REGISTERED.write().unwrap_or_else(|e| e.into_inner());
    let before = all.len();
    all.retain(|a| a.method != method);
    all.len() != before
}

/// The registered tables, in registration order.
pub fn registered() -> Vec<&'static Api> {
    REGISTERED.read().unwrap_or_else(|e| e.into_inner()).clone()
}

/// The registered table at `index` in registration order.
pub fn nth(index: usize) -> Option<&'static Api> {
    REGISTERED.read().unwrap_or_else(|e| e.into_inner()).get(index).copied()
}

/// The index of a registered method in registration order.
pub fn position(method: &str) -> Option<usize> {
    REGISTERED.read().unwrap_or_else(|e| e.into_inner()).iter().position(|a| a.method == method)
}

/// A registered table by its exact method name.
pub fn find(method: &str) -> Option<&'static Api> {
    REGISTERED.read().unwrap_or_else(|e| e.into_inner()).iter().copied().find(|a| a.method == method)
}
