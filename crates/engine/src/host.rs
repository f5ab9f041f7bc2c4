//! What the engine asks of its host: the clock, module loading, `import.meta`, job
//! bookkeeping and the host's own frames in stack traces (ECMAScript's host-defined
//! operations, as Boa's `HostHooks` and QuickJS's `quickjs.h` callbacks).
//!
//! The engine knows nothing of Node. An embedder that wants a bare ECMAScript realm uses
//! [`DefaultHooks`]; the Node host (`jsgen-node`) implements every hook and keeps its own
//! state (process, console, timers) in the interpreter's [host data](crate::interp::Interp::host_data)
//! slot.

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

    /// The namespace object of the module `specifier`, imported by a static `import` of the
    /// running module (HostLoadImportedModule + linking). `names` are the bindings the
    /// importer asks for, so the host can report a missing export.
    fn import_namespace(
        &self,
        it: &mut Interp,
        specifier: &JsStr,
        _names: &[JsStr],
    ) -> JsResult<Value> {
        Err(it.type_error(format!(
            "Cannot find module '{}'",
            specifier.to_rust_string()
        )))
    }

    /// `import(specifier)`: a promise for the module's namespace.
    fn import_dynamic(&self, it: &mut Interp, specifier: &Value) -> JsResult<Value> {
        let promise = it.new_promise();
        let message = match it.to_string(specifier) {
            Ok(s) => format!("Cannot find module '{}'", s.to_rust_string()),
            Err(crate::interp::Abrupt::Throw(e)) => {
                it.reject_promise(&promise, e);
                return Ok(Value::Object(promise));
            }
            Err(other) => return Err(other),
        };
        let error = it.type_error(message);
        if let crate::interp::Abrupt::Throw(e) = error {
            it.reject_promise(&promise, e);
        }
        Ok(Value::Object(promise))
    }

    /// `import.meta` of the running module (HostGetImportMetaProperties).
    fn import_meta(&self, it: &mut Interp) -> JsResult<Value> {
        Ok(Value::Object(it.new_object()))
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

    /// The lines a stack trace prints below the host's entry frame
    /// ([`crate::interp::FrameKind::HostEntry`]), e.g. Node's CommonJS loader frames.
    fn entry_frames(&self) -> &[&str] {
        &[]
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
