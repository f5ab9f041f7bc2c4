//! What the engine asks of its host: the clock, module loading, `import.meta`, job
//! bookkeeping and the host's own frames in stack traces (ECMAScript's host-defined
//! operations, as Boa's `HostHooks` and QuickJS's `quickjs.h` callbacks).
//!
//! The engine knows nothing of Node. An embedder that wants a bare ECMAScript realm uses
//! [`DefaultHooks`]; the Node host (`jsgen-node`) implements every hook and keeps its own
//! state (process, console, timers) in the interpreter's [host data](crate::interp::Interp::host_data)
//! slot.

use crate::ast::ModuleRequest;
use crate::interp::module::ModuleId;
use crate::interp::{Interp, JsResult};
use crate::object::Obj;
use crate::string::JsStr;
use crate::value::Value;

/// The host-defined operations the engine calls. Every method has a default that suits a
/// bare engine with no host (no modules, the system clock).
pub trait HostHooks {
    /// The current time in milliseconds since the epoch, for `Date.now()`, `new Date()` and
    /// `Intl` (a host with a virtual clock answers from it). Whole milliseconds, as V8.
    fn now_epoch_ms(&self, _it: &Interp) -> f64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as f64)
            .unwrap_or(0.0)
    }

    /// HostLoadImportedModule: the module `request` names, imported by the module
    /// `referrer` (or by the script whose source is `source`, for `import()` in a script).
    /// The host resolves the specifier, and returns the module it already has for that
    /// resolution or a new one ([`Interp::create_source_text_module`],
    /// [`Interp::create_synthetic_module`]). The engine loads that module's own requests,
    /// links and evaluates it.
    fn load_imported_module(
        &self,
        it: &mut Interp,
        _referrer: Option<ModuleId>,
        _source: u32,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId> {
        Err(it.type_error(format!(
            "Cannot find module '{}'",
            request.specifier.to_rust_string()
        )))
    }

    /// Evaluates a synthetic module made by the host (a CommonJS or JSON module imported by
    /// an ES module): sets its exports with [`Interp::set_synthetic_export`].
    fn evaluate_synthetic_module(&self, _it: &mut Interp, _module: ModuleId) -> JsResult<()> {
        Ok(())
    }

    /// The message of the SyntaxError for `name`, which `module` (loaded for the request
    /// `specifier`) does not export, imported or re-exported on the source line
    /// `import_line`. `None` keeps V8's "The requested module '…' does not provide an export
    /// named '…'" (Node rewrites it when `module` is CommonJS).
    fn missing_export_message(
        &self,
        _it: &Interp,
        _module: ModuleId,
        _specifier: &JsStr,
        _name: &JsStr,
        _import_line: &str,
    ) -> Option<String> {
        None
    }

    /// The evaluation of the module graph whose root is `root` (the module given to
    /// `Evaluate()`: an entry point, an `import()` or a `require()`) threw `error`, before
    /// the error reaches the graph's promise. Node explains `module is not defined` and the
    /// like here (ModuleJob's `explainCommonJSGlobalLikeNotDefinedError`).
    fn module_evaluation_failed(&self, _it: &mut Interp, _root: ModuleId, _error: &Value) {}

    /// HostGetImportMetaProperties: the properties of `import.meta` for `module`.
    fn import_meta_properties(
        &self,
        _it: &mut Interp,
        _module: ModuleId,
    ) -> JsResult<Vec<(JsStr, Value)>> {
        Ok(Vec::new())
    }

    /// A promise was created (Node gives each one an async id).
    fn promise_created(&self, _it: &mut Interp, _promise: &Obj) {}

    /// A job queued with a host tag ([`crate::interp::jobs::Job::Callback`]) or a promise job
    /// (tag 0) starts; returns what [`HostHooks::job_finished`] restores afterwards (Node's
    /// `executionAsyncId`).
    fn job_started(&self, _it: &mut Interp, _tag: u64) -> u64 {
        0
    }

    /// The job started by [`HostHooks::job_started`] ended.
    fn job_finished(&self, _it: &mut Interp, _saved: u64) {}

    /// [`Interp::interrupt`] was found set while script code ran, before the interruption
    /// error is thrown: a host that reports the interruption itself (Node's
    /// `util.setTraceSigInt`) may end the process here, with the stack still in place.
    fn interrupted(&self, _it: &mut Interp) {}

    /// The lines a stack trace prints below the host's entry frame
    /// ([`crate::interp::FrameKind::HostEntry`]), e.g. Node's CommonJS loader frames.
    fn entry_frames(&self) -> &[&str] {
        &[]
    }

    /// A `TZ` value that replaces the default time zone chosen with
    /// [`Interp::set_time_zone`] (asked before each local-time operation; Node's
    /// `process.env.TZ = ...` takes effect at once). `None`: no override.
    fn time_zone_override(&self, _it: &Interp) -> Option<crate::string::JsStr> {
        None
    }

    /// The lines a stack trace prints below the host's loader frame
    /// ([`crate::interp::FrameKind::HostRequire`]): Node's `require` of a CommonJS module.
    fn require_frames(&self) -> &[&str] {
        &[]
    }

    /// AgentCanSuspend(): may `Atomics.wait` block the running agent? False by default
    /// (test262's "CanBlockIsFalse" main agent): `Atomics.wait` then throws a TypeError.
    fn agent_can_suspend(&self) -> bool {
        false
    }
}

/// The hooks of a bare engine: the system clock, no modules.
#[derive(Debug, Default, Clone, Copy)]
pub struct DefaultHooks;

impl HostHooks for DefaultHooks {}
