//! Scope analysis ("resolver"): runs after parsing, before evaluation.
//!
//! (Work in progress: the full resolver lands with the evaluator.)

/// Where an identifier's binding lives at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Binding {
    #[default]
    Unresolved,
    /// `hops` scopes up the runtime scope chain, slot `slot`.
    Local { hops: u32, slot: u32 },
    /// Not declared in any enclosing function or block: the global lexical scope, then the
    /// global object.
    Global,
    /// Must be looked up by name at run time (inside `with`, or through a sloppy direct `eval`).
    Dynamic,
}

/// Slot layout of one scope, computed by the resolver.
#[derive(Debug, Default)]
pub struct ScopeInfo {}
