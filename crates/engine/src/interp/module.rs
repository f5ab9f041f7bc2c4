//! Module Records (ECMA-262 16.2.1): Source Text Module Records, the synthetic modules a
//! host makes for what is not ECMAScript source (CommonJS, JSON, built-in modules), module
//! namespace exotic objects, and the algorithms that load, link and evaluate a module graph
//! (LoadRequestedModules, Link/InnerModuleLinking, Evaluate/InnerModuleEvaluation with the
//! asynchronous evaluation of top-level `await`, ResolveExport, GetExportedNames,
//! GetModuleNamespace, `import()` and `import.meta`).
//!
//! A module's code is the body of an async arrow function (strict, `this` undefined) whose
//! environment is the module environment: it is created when the module is parsed, so an
//! import binding can point into an exporter's environment before that module is linked
//! (cycles). An import binding is a slot left in its TDZ with an indirection to the
//! exporter's slot ([`Env::set_import`]): reads follow it on the cold path, so modules are
//! live bindings at no cost to ordinary variables. The host resolves and fetches modules
//! through [`crate::host::HostHooks::load_imported_module`].

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::ast::{
    ExportEntry, ExportImportName, Expr, ExprKind, Function, FunctionBody, ImportEntry,
    ModuleRequest, Script, Span, Stmt, StmtKind,
};
use crate::interp::jobs::{Handler, PromiseState};
use crate::interp::scope::Env;
use crate::interp::script::RunError;
use crate::interp::{Abrupt, Interp, JsResult, StackEntry};
use crate::object::{Attrs, Obj, ObjectKind, Prop, PropKey, PropertyDescriptor};
use crate::parser::{parse_module, ParseOptions, SyntaxError};
use crate::resolve::{resolve_script, ResolveOptions};
use crate::string::JsStr;
use crate::value::Value;

/// A module's index in [`Interp::modules`].
pub type ModuleId = u32;

/// \[\[Status\]\] of a Cyclic Module Record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleStatus {
    New,
    Unlinked,
    Linking,
    Linked,
    Evaluating,
    EvaluatingAsync,
    Evaluated,
}

/// \[\[AsyncEvaluationOrder\]\].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsyncOrder {
    Unset,
    Order(u64),
    Done,
}

/// What runs when a module is evaluated.
pub enum ModuleBody {
    /// ECMAScript source: the module function (an async arrow whose body is the module's
    /// statements) and its closure.
    SourceText { func: Rc<Function>, closure: Obj },
    /// Made by the host: its exports are set by
    /// [`crate::host::HostHooks::evaluate_synthetic_module`].
    Synthetic { evaluated: bool },
}

/// A Module Record.
pub struct ModuleRecord {
    /// The host's key (Node: the file URL).
    pub key: JsStr,
    /// The source text's index in [`Interp::sources`].
    pub source: u32,
    pub body: ModuleBody,
    /// The module environment.
    pub env: Env,
    /// Local binding (or, for a synthetic module, export) name → slot of [`ModuleRecord::env`].
    pub slots: FxHashMap<JsStr, u32>,
    pub requests: Vec<ModuleRequest>,
    /// \[\[LoadedModules\]\], one per request.
    pub loaded: Vec<Option<ModuleId>>,
    pub imports: Vec<ImportEntry>,
    pub local_exports: Vec<ExportEntry>,
    pub indirect_exports: Vec<ExportEntry>,
    pub star_exports: Vec<ExportEntry>,
    pub status: ModuleStatus,
    pub eval_error: Option<Value>,
    pub dfs_index: u32,
    pub dfs_ancestor_index: u32,
    pub cycle_root: Option<ModuleId>,
    pub has_tla: bool,
    pub async_order: AsyncOrder,
    pub pending_async_deps: u32,
    pub async_parents: Vec<ModuleId>,
    /// \[\[TopLevelCapability\]\]: the promise Evaluate() returns.
    pub capability: Option<Obj>,
    pub namespace: Option<Obj>,
    pub meta: Option<Obj>,
}

/// A binding a module namespace object reads.
#[derive(Clone)]
pub enum NsBinding {
    Slot(Env, u32),
    Namespace(ModuleId),
}

/// The state of a module namespace exotic object: its exports, sorted by code units.
pub struct NamespaceData {
    pub module: ModuleId,
    pub exports: Vec<(JsStr, NsBinding)>,
}

impl std::fmt::Debug for NamespaceData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NamespaceData(module {})", self.module)
    }
}

impl NamespaceData {
    fn find(&self, name: &JsStr) -> Option<&NsBinding> {
        self.exports
            .binary_search_by(|(n, _)| n.units().cmp(name.units()))
            .ok()
            .map(|i| &self.exports[i].1)
    }
}

/// ResolveExport's answer.
#[derive(Clone)]
enum Resolution {
    /// Not found (or a circular request).
    Null,
    Ambiguous,
    /// The module and its local name (`None`: the module's namespace).
    Found(ModuleId, Option<JsStr>),
}

impl Interp {
    fn module(&self, id: ModuleId) -> &ModuleRecord {
        &self.modules[id as usize]
    }

    fn module_mut(&mut self, id: ModuleId) -> &mut ModuleRecord {
        &mut self.modules[id as usize]
    }

    /// The module's host key.
    pub fn module_key(&self, id: ModuleId) -> JsStr {
        self.module(id).key.clone()
    }

    /// The module's source index.
    pub fn module_source(&self, id: ModuleId) -> u32 {
        self.module(id).source
    }

    /// The module whose code is `source`, if any.
    pub fn module_of_source(&self, source: u32) -> Option<ModuleId> {
        self.source_modules.get(&source).copied()
    }

    /// The module's status.
    pub fn module_status(&self, id: ModuleId) -> ModuleStatus {
        self.module(id).status
    }

    /// Does the module graph of `id` (loaded) contain top-level `await`?
    pub fn module_graph_has_tla(&self, id: ModuleId) -> bool {
        let mut seen = vec![id];
        let mut i = 0;
        while i < seen.len() {
            let m = self.module(seen[i]);
            if m.has_tla {
                return true;
            }
            for r in m.loaded.iter().flatten() {
                if !seen.contains(r) {
                    seen.push(*r);
                }
            }
            i += 1;
        }
        false
    }

    /// The modules `id` requests that have top-level `await` (for Node's
    /// `ERR_REQUIRE_ASYNC_MODULE`): their keys.
    pub fn module_tla_keys(&self, id: ModuleId) -> Vec<JsStr> {
        let mut seen = vec![id];
        let mut out = Vec::new();
        let mut i = 0;
        while i < seen.len() {
            let m = self.module(seen[i]);
            if m.has_tla {
                out.push(m.key.clone());
            }
            for r in m.loaded.iter().flatten() {
                if !seen.contains(r) {
                    seen.push(*r);
                }
            }
            i += 1;
        }
        out
    }

    /// ParseModule: a Source Text Module Record for `text` (registered as `source`), with
    /// its module environment. Early errors are returned as [`RunError::Syntax`].
    pub fn create_source_text_module(
        &mut self,
        key: JsStr,
        source: u32,
    ) -> Result<ModuleId, RunError> {
        let text = self.sources[source as usize].text.clone();
        let syntax = |error| RunError::Syntax { source, error };
        let (wrapper, func, items) = parse_and_resolve_module(&text).map_err(syntax)?;
        let span = wrapper.span;
        let internal = |message: &str| {
            syntax(SyntaxError {
                message: message.into(),
                span,
                incomplete: false,
            })
        };
        let (Some(script_info), Some(info)) =
            (wrapper.scope.get().cloned(), func.scope.get().cloned())
        else {
            return Err(internal("internal error: unresolved module"));
        };
        let has_tla = match &func.body {
            FunctionBody::Block(b) => b.iter().any(|st| st.suspends.get()),
            FunctionBody::Expr(_) => false,
        };
        let script_env = Env::new(None, &script_info);
        let env = Env::new(Some(script_env.clone()), &info);
        let mut slots = FxHashMap::default();
        for d in &info.decls {
            slots.insert(d.name.clone(), d.slot);
        }
        // Early errors on the entries, after the scope's: an export name is exported once,
        // and an exported local must be declared.
        let mut seen: Vec<&JsStr> = Vec::new();
        for e in &items.exports {
            if let Some(n) = &e.export_name {
                if seen.contains(&n) {
                    return Err(syntax(SyntaxError {
                        message: format!("Duplicate export of '{n}'"),
                        span: e.span,
                        incomplete: false,
                    }));
                }
                seen.push(n);
            }
        }
        for e in &items.exports {
            if let (None, Some(local)) = (e.request, &e.local_name) {
                if !slots.contains_key(local) {
                    return Err(syntax(SyntaxError {
                        message: format!("Export '{local}' is not defined in module"),
                        span: e.span,
                        incomplete: false,
                    }));
                }
            }
        }
        // ParseModule's split of the export entries.
        let (mut local_exports, mut indirect_exports, mut star_exports) =
            (Vec::new(), Vec::new(), Vec::new());
        for e in items.exports {
            if e.request.is_none() {
                let local = e.local_name.clone().unwrap_or_else(JsStr::empty);
                match items.imports.iter().find(|i| i.local_name == local) {
                    Some(ie) => {
                        // A re-export of an imported binding or namespace: it resolves to
                        // what the import names (so `import * as ns` + `export { ns }` and
                        // `export * as ns` are the same binding).
                        indirect_exports.push(ExportEntry {
                            export_name: e.export_name,
                            request: Some(ie.request),
                            import_name: match &ie.import_name {
                                Some(n) => ExportImportName::Name(n.clone()),
                                None => ExportImportName::All,
                            },
                            local_name: None,
                            span: e.span,
                        });
                    }
                    _ => local_exports.push(e),
                }
            } else if e.import_name == ExportImportName::AllButDefault {
                star_exports.push(e);
            } else {
                indirect_exports.push(e);
            }
        }
        // The module function's closure (its [[ScriptOrModule]] is this source).
        self.stack.push(StackEntry {
            method_call: None,
            construct: false,
            next_below: false,
            name: JsStr::empty(),
            pos: Span::default(),
            source,
            kind: crate::interp::FrameKind::Js,
        });
        let closure = self.make_closure(&func, &script_env, None, None);
        self.stack.pop();
        let n = items.requests.len();
        let id = self.modules.len() as ModuleId;
        self.modules.push(ModuleRecord {
            key,
            source,
            body: ModuleBody::SourceText { func, closure },
            env,
            slots,
            requests: items.requests,
            loaded: vec![None; n],
            imports: items.imports,
            local_exports,
            indirect_exports,
            star_exports,
            status: ModuleStatus::New,
            eval_error: None,
            dfs_index: 0,
            dfs_ancestor_index: 0,
            cycle_root: None,
            has_tla,
            async_order: AsyncOrder::Unset,
            pending_async_deps: 0,
            async_parents: Vec::new(),
            capability: None,
            namespace: None,
            meta: None,
        });
        self.source_modules.insert(source, id);
        Ok(id)
    }

    /// A synthetic module exporting `names` (each `undefined` until the host sets it), made
    /// by the host for a module that is not ECMAScript source. It is linked already; its
    /// evaluation calls [`crate::host::HostHooks::evaluate_synthetic_module`].
    pub fn create_synthetic_module(&mut self, key: JsStr, names: Vec<JsStr>) -> ModuleId {
        let env = Env::with_slots(None, names.len());
        let mut slots = FxHashMap::default();
        let mut local_exports = Vec::new();
        for (i, n) in names.into_iter().enumerate() {
            if slots.contains_key(&n) {
                continue;
            }
            slots.insert(n.clone(), i as u32);
            local_exports.push(ExportEntry {
                export_name: Some(n.clone()),
                request: None,
                import_name: ExportImportName::None,
                local_name: Some(n),
                span: Span::default(),
            });
        }
        let id = self.modules.len() as ModuleId;
        self.modules.push(ModuleRecord {
            key,
            source: u32::MAX,
            body: ModuleBody::Synthetic { evaluated: false },
            env,
            slots,
            requests: Vec::new(),
            loaded: Vec::new(),
            imports: Vec::new(),
            local_exports,
            indirect_exports: Vec::new(),
            star_exports: Vec::new(),
            status: ModuleStatus::Linked,
            eval_error: None,
            dfs_index: 0,
            dfs_ancestor_index: 0,
            cycle_root: None,
            has_tla: false,
            async_order: AsyncOrder::Unset,
            pending_async_deps: 0,
            async_parents: Vec::new(),
            capability: None,
            namespace: None,
            meta: None,
        });
        id
    }

    /// Sets export `name` of a synthetic module (SetSyntheticModuleExport).
    pub fn set_synthetic_export(&mut self, id: ModuleId, name: &JsStr, v: Value) {
        let m = self.module(id);
        if let Some(&slot) = m.slots.get(name) {
            m.env.init(slot, v);
        }
    }

    /// Marks a synthetic module evaluated (the host ran it outside the module graph, e.g.
    /// a CommonJS module `require`d before it was imported).
    pub fn mark_synthetic_evaluated(&mut self, id: ModuleId) {
        if let ModuleBody::Synthetic { evaluated } = &mut self.module_mut(id).body {
            *evaluated = true;
        }
        self.module_mut(id).status = ModuleStatus::Evaluated;
    }

    fn is_cyclic(&self, id: ModuleId) -> bool {
        matches!(self.module(id).body, ModuleBody::SourceText { .. })
    }

    // ---- loading -------------------------------------------------------------------------

    /// LoadRequestedModules: asks the host for every module the graph of `root` requests
    /// (synchronously: Node's loader reads files synchronously too).
    pub fn load_requested_modules(&mut self, root: ModuleId) -> JsResult<()> {
        let mut visited = vec![root];
        let mut i = 0;
        while i < visited.len() {
            let id = visited[i];
            i += 1;
            if !self.is_cyclic(id) {
                continue;
            }
            let n = self.module(id).requests.len();
            for r in 0..n {
                let loaded = match self.module(id).loaded[r] {
                    Some(m) => m,
                    None => {
                        let request = self.module(id).requests[r].clone();
                        let source = self.module(id).source;
                        let hooks = self.hooks();
                        let m = hooks.load_imported_module(self, Some(id), source, &request)?;
                        self.module_mut(id).loaded[r] = Some(m);
                        m
                    }
                };
                if !visited.contains(&loaded) {
                    visited.push(loaded);
                }
            }
            if self.module(id).status == ModuleStatus::New {
                self.module_mut(id).status = ModuleStatus::Unlinked;
            }
        }
        Ok(())
    }

    // ---- linking -------------------------------------------------------------------------

    /// Link(): links the graph of `root` (every module loaded).
    pub fn link_module(&mut self, root: ModuleId) -> JsResult<()> {
        let mut stack = Vec::new();
        if let Err(e) = self.inner_module_linking(root, &mut stack, 0) {
            for m in stack {
                self.module_mut(m).status = ModuleStatus::Unlinked;
            }
            return Err(e);
        }
        Ok(())
    }

    fn inner_module_linking(
        &mut self,
        id: ModuleId,
        stack: &mut Vec<ModuleId>,
        mut index: u32,
    ) -> JsResult<u32> {
        if !self.is_cyclic(id) {
            return Ok(index);
        }
        match self.module(id).status {
            ModuleStatus::Linking
            | ModuleStatus::Linked
            | ModuleStatus::EvaluatingAsync
            | ModuleStatus::Evaluated => return Ok(index),
            ModuleStatus::Unlinked => {}
            _ => return Err(self.type_error("internal error: module not loaded")),
        }
        {
            let m = self.module_mut(id);
            m.status = ModuleStatus::Linking;
            m.dfs_index = index;
            m.dfs_ancestor_index = index;
        }
        index += 1;
        stack.push(id);
        let n = self.module(id).loaded.len();
        for r in 0..n {
            let Some(required) = self.module(id).loaded[r] else {
                return Err(self.type_error("internal error: module request not loaded"));
            };
            index = self.inner_module_linking(required, stack, index)?;
            if self.is_cyclic(required) && self.module(required).status == ModuleStatus::Linking {
                let a = self.module(required).dfs_ancestor_index;
                let m = self.module_mut(id);
                m.dfs_ancestor_index = m.dfs_ancestor_index.min(a);
            }
        }
        self.initialize_environment(id)?;
        if self.module(id).dfs_ancestor_index == self.module(id).dfs_index {
            while let Some(m) = stack.pop() {
                self.module_mut(m).status = ModuleStatus::Linked;
                if m == id {
                    break;
                }
            }
        }
        Ok(index)
    }

    /// The SyntaxError for an import or re-export that does not resolve (V8's messages).
    fn resolution_error(
        &mut self,
        id: ModuleId,
        request: usize,
        name: &JsStr,
        r: &Resolution,
    ) -> Abrupt {
        let spec = self.module(id).requests[request].specifier.clone();
        let source = self.module(id).source;
        // The diagnostic points at the import in the importing module.
        let span = self
            .module(id)
            .imports
            .iter()
            .find(|i| i.request == request && i.import_name.as_ref() == Some(name))
            .map(|i| i.span)
            .or_else(|| {
                self.module(id)
                    .indirect_exports
                    .iter()
                    .find(|e| e.request == Some(request))
                    .map(|e| e.span)
            });
        let e = match r {
            Resolution::Ambiguous => self.syntax_error(format!(
                "The requested module '{spec}' contains conflicting star exports for name '{name}'"
            )),
            _ => {
                let host_message = match (self.module(id).loaded.get(request), span) {
                    (Some(&Some(required)), Some(span)) => {
                        let text = self.sources[source as usize].text.clone();
                        let at = (span.start as usize).min(text.len());
                        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                        let line = text.get(line_start..line_end).unwrap_or("");
                        let hooks = self.hooks();
                        hooks.missing_export_message(self, required, &spec, name, line)
                    }
                    _ => None,
                };
                self.syntax_error(host_message.unwrap_or_else(|| {
                    format!(
                        "The requested module '{spec}' does not provide an export named '{name}'"
                    )
                }))
            }
        };
        if let Some(span) = span {
            self.last_error_pos = Some((source, span));
        }
        e
    }

    /// InitializeEnvironment: checks the re-exports, binds the imports, instantiates the
    /// hoisted functions.
    fn initialize_environment(&mut self, id: ModuleId) -> JsResult<()> {
        let indirect = self.module(id).indirect_exports.clone();
        for e in &indirect {
            let Some(name) = &e.export_name else { continue };
            let r = self.resolve_export(id, name, &mut Vec::new());
            if !matches!(r, Resolution::Found(..)) {
                let request = e.request.unwrap_or(0);
                let import_name = match &e.import_name {
                    ExportImportName::Name(n) => n.clone(),
                    _ => name.clone(),
                };
                return Err(self.resolution_error(id, request, &import_name, &r));
            }
        }
        let imports = self.module(id).imports.clone();
        let env = self.module(id).env.clone();
        for ie in &imports {
            let Some(imported) = self.module(id).loaded[ie.request] else {
                continue;
            };
            let Some(&slot) = self.module(id).slots.get(&ie.local_name) else {
                continue;
            };
            match &ie.import_name {
                None => {
                    let ns = self.module_namespace(imported)?;
                    env.init(slot, Value::Object(ns));
                }
                Some(name) => match self.resolve_export(imported, name, &mut Vec::new()) {
                    Resolution::Found(m, None) => {
                        let ns = self.module_namespace(m)?;
                        env.init(slot, Value::Object(ns));
                    }
                    Resolution::Found(m, Some(local)) => {
                        let target = self.module(m);
                        let (tenv, tslot) = (target.env.clone(), target.slots.get(&local).copied());
                        if let Some(tslot) = tslot {
                            env.set_import(slot, tenv, tslot);
                        }
                    }
                    r => return Err(self.resolution_error(id, ie.request, name, &r)),
                },
            }
        }
        // Hoisted function declarations.
        if let ModuleBody::SourceText { func, .. } = &self.module(id).body {
            let func = func.clone();
            let source = self.module(id).source;
            if let Some(info) = func.scope.get().cloned() {
                self.stack.push(StackEntry {
                    method_call: None,
                    construct: false,
                    next_below: false,
                    name: JsStr::empty(),
                    pos: Span::default(),
                    source,
                    kind: crate::interp::FrameKind::Js,
                });
                for (slot, fd) in &info.functions {
                    let clo = self.make_closure(fd, &env, None, None);
                    env.init(*slot, Value::Object(clo));
                }
                self.stack.pop();
            }
        }
        Ok(())
    }

    /// ResolveExport(exportName, resolveSet).
    fn resolve_export(
        &self,
        id: ModuleId,
        name: &JsStr,
        set: &mut Vec<(ModuleId, JsStr)>,
    ) -> Resolution {
        if set.iter().any(|(m, n)| *m == id && n == name) {
            return Resolution::Null;
        }
        set.push((id, name.clone()));
        let m = self.module(id);
        for e in &m.local_exports {
            if e.export_name.as_ref() == Some(name) {
                return Resolution::Found(id, e.local_name.clone());
            }
        }
        for e in &m.indirect_exports {
            if e.export_name.as_ref() == Some(name) {
                let Some(imported) = e.request.and_then(|r| m.loaded[r]) else {
                    return Resolution::Null;
                };
                return match &e.import_name {
                    ExportImportName::All => Resolution::Found(imported, None),
                    ExportImportName::Name(n) => self.resolve_export(imported, n, set),
                    _ => Resolution::Null,
                };
            }
        }
        if name.to_rust_string() == "default" {
            return Resolution::Null;
        }
        let mut star: Option<(ModuleId, Option<JsStr>)> = None;
        for e in &m.star_exports {
            let Some(imported) = e.request.and_then(|r| m.loaded[r]) else {
                continue;
            };
            match self.resolve_export(imported, name, set) {
                Resolution::Ambiguous => return Resolution::Ambiguous,
                Resolution::Null => {}
                Resolution::Found(rm, rn) => match &star {
                    None => star = Some((rm, rn)),
                    Some((sm, sn)) => {
                        if *sm != rm || *sn != rn {
                            return Resolution::Ambiguous;
                        }
                    }
                },
            }
        }
        match star {
            Some((m, n)) => Resolution::Found(m, n),
            None => Resolution::Null,
        }
    }

    /// GetExportedNames(exportStarSet).
    fn exported_names(&self, id: ModuleId, set: &mut Vec<ModuleId>) -> Vec<JsStr> {
        if set.contains(&id) {
            return Vec::new();
        }
        set.push(id);
        let m = self.module(id);
        let mut names: Vec<JsStr> = Vec::new();
        for e in m.local_exports.iter().chain(&m.indirect_exports) {
            if let Some(n) = &e.export_name {
                names.push(n.clone());
            }
        }
        for e in &m.star_exports {
            let Some(imported) = e.request.and_then(|r| m.loaded[r]) else {
                continue;
            };
            for n in self.exported_names(imported, set) {
                if n.to_rust_string() != "default" && !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        names
    }

    /// GetModuleNamespace: the module's namespace exotic object, made on first use.
    pub fn module_namespace(&mut self, id: ModuleId) -> JsResult<Obj> {
        if let Some(ns) = &self.module(id).namespace {
            return Ok(ns.clone());
        }
        let mut exports = Vec::new();
        for name in self.exported_names(id, &mut Vec::new()) {
            match self.resolve_export(id, &name, &mut Vec::new()) {
                Resolution::Found(m, None) => exports.push((name, NsBinding::Namespace(m))),
                Resolution::Found(m, Some(local)) => {
                    let t = self.module(m);
                    if let Some(&slot) = t.slots.get(&local) {
                        exports.push((name, NsBinding::Slot(t.env.clone(), slot)));
                    }
                }
                _ => {}
            }
        }
        let ns = make_namespace(id, exports);
        self.module_mut(id).namespace = Some(ns.clone());
        Ok(ns)
    }

    /// A namespace object of `id` with one more export (Node's `__esModule: true` on what
    /// `require()` of an ES module returns). Not the module's own namespace.
    pub fn module_namespace_with(&mut self, id: ModuleId, name: JsStr, v: Value) -> JsResult<Obj> {
        let ns = self.module_namespace(id)?;
        let Some(data) = namespace_of(&ns) else {
            return Ok(ns);
        };
        let env = Env::with_slots(None, 1);
        env.init(0, v);
        let mut exports = data.exports.clone();
        exports.push((name, NsBinding::Slot(env, 0)));
        Ok(make_namespace(id, exports))
    }
}

fn make_namespace(id: ModuleId, mut exports: Vec<(JsStr, NsBinding)>) -> Obj {
    {
        exports.sort_by(|a, b| a.0.units().cmp(b.0.units()));
        let target = Obj::new(None, ObjectKind::Ordinary);
        target.borrow_mut().extensible = false;
        let handler = Obj::new(None, ObjectKind::Ordinary);
        let ns = Obj::new(
            None,
            ObjectKind::Proxy(Box::new(crate::interp::proxy::ProxyData {
                target: Some(target),
                handler: Some(handler),
                callable: false,
                constructor: false,
                namespace: Some(Rc::new(NamespaceData {
                    module: id,
                    exports,
                })),
            })),
        );
        ns.borrow_mut().extensible = false;
        ns
    }
}

impl Interp {
    // ---- evaluation ----------------------------------------------------------------------

    /// Evaluate(): evaluates the graph of `root` (linked); returns the promise of its
    /// completion (already settled when no module awaits).
    pub fn evaluate_module(&mut self, root: ModuleId) -> Obj {
        let mut module = root;
        if matches!(
            self.module(module).status,
            ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
        ) && self.is_cyclic(module)
        {
            module = self.module(module).cycle_root.unwrap_or(module);
        }
        if let Some(p) = &self.module(module).capability {
            return p.clone();
        }
        let promise = self.new_promise();
        self.module_mut(module).capability = Some(promise.clone());
        let mut stack = Vec::new();
        match self.inner_module_evaluation(module, &mut stack, 0) {
            Err(Abrupt::Throw(e)) => {
                let hooks = self.hooks();
                hooks.module_evaluation_failed(self, module, &e);
                for m in stack {
                    let r = self.module_mut(m);
                    r.status = ModuleStatus::Evaluated;
                    r.eval_error = Some(e.clone());
                }
                if !self.is_cyclic(module) {
                    self.module_mut(module).eval_error = Some(e.clone());
                }
                self.reject_promise(&promise, e);
            }
            Err(_) => {}
            Ok(_) => {
                if !matches!(self.module(module).async_order, AsyncOrder::Order(_)) {
                    self.resolve_promise(&promise, Value::Undefined);
                }
            }
        }
        promise
    }

    fn inner_module_evaluation(
        &mut self,
        id: ModuleId,
        stack: &mut Vec<ModuleId>,
        mut index: u32,
    ) -> JsResult<u32> {
        if !self.is_cyclic(id) {
            if let Some(e) = &self.module(id).eval_error {
                return Err(Abrupt::Throw(e.clone()));
            }
            if let ModuleBody::Synthetic { evaluated: false } = self.module(id).body {
                self.mark_synthetic_evaluated(id);
                let hooks = self.hooks();
                if let Err(e) = hooks.evaluate_synthetic_module(self, id) {
                    if let Abrupt::Throw(v) = &e {
                        self.module_mut(id).eval_error = Some(v.clone());
                    }
                    return Err(e);
                }
            }
            return Ok(index);
        }
        match self.module(id).status {
            ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated => {
                return match &self.module(id).eval_error {
                    Some(e) => Err(Abrupt::Throw(e.clone())),
                    None => Ok(index),
                };
            }
            ModuleStatus::Evaluating => return Ok(index),
            ModuleStatus::Linked => {}
            _ => return Err(self.type_error("internal error: module not linked")),
        }
        {
            let m = self.module_mut(id);
            m.status = ModuleStatus::Evaluating;
            m.dfs_index = index;
            m.dfs_ancestor_index = index;
            m.pending_async_deps = 0;
        }
        index += 1;
        stack.push(id);
        let n = self.module(id).loaded.len();
        for r in 0..n {
            let Some(mut required) = self.module(id).loaded[r] else {
                continue;
            };
            index = self.inner_module_evaluation(required, stack, index)?;
            if self.is_cyclic(required) {
                if self.module(required).status == ModuleStatus::Evaluating {
                    let a = self.module(required).dfs_ancestor_index;
                    let m = self.module_mut(id);
                    m.dfs_ancestor_index = m.dfs_ancestor_index.min(a);
                } else {
                    required = self.module(required).cycle_root.unwrap_or(required);
                    if let Some(e) = &self.module(required).eval_error {
                        return Err(Abrupt::Throw(e.clone()));
                    }
                }
                if let AsyncOrder::Order(_) = self.module(required).async_order {
                    self.module_mut(id).pending_async_deps += 1;
                    self.module_mut(required).async_parents.push(id);
                }
            }
        }
        if self.module(id).pending_async_deps > 0 || self.module(id).has_tla {
            let order = self.async_evaluation_count;
            self.async_evaluation_count += 1;
            self.module_mut(id).async_order = AsyncOrder::Order(order);
            if self.module(id).pending_async_deps == 0 {
                self.execute_async_module(id)?;
            }
        } else {
            self.execute_module_sync(id)?;
        }
        if self.module(id).dfs_ancestor_index == self.module(id).dfs_index {
            while let Some(m) = stack.pop() {
                let r = self.module_mut(m);
                r.status = if let AsyncOrder::Order(_) = r.async_order {
                    ModuleStatus::EvaluatingAsync
                } else {
                    ModuleStatus::Evaluated
                };
                r.cycle_root = Some(id);
                if m == id {
                    break;
                }
            }
        }
        Ok(index)
    }

    fn module_code(&self, id: ModuleId) -> Option<(Rc<Function>, Obj, Env, u32)> {
        let m = self.module(id);
        match &m.body {
            ModuleBody::SourceText { func, closure } => {
                Some((func.clone(), closure.clone(), m.env.clone(), m.source))
            }
            ModuleBody::Synthetic { .. } => None,
        }
    }

    /// ExecuteModule() of a module without top-level `await`: its body, synchronously.
    fn execute_module_sync(&mut self, id: ModuleId) -> JsResult<()> {
        let Some((func, _, env, source)) = self.module_code(id) else {
            return Ok(());
        };
        self.enter(JsStr::empty(), source)?;
        let r = self.eval_function_body(&func, &env);
        self.leave();
        match r {
            Ok(_) | Err(Abrupt::Return(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// ExecuteAsyncModule: runs the body as an async function; its promise's reactions are
    /// AsyncModuleExecutionFulfilled / Rejected.
    fn execute_async_module(&mut self, id: ModuleId) -> JsResult<()> {
        let Some((func, closure, env, source)) = self.module_code(id) else {
            return Ok(());
        };
        self.enter(JsStr::empty(), source)?;
        let r = self.start_async(&closure, &func, &env);
        self.leave();
        let Value::Object(p) = r? else {
            return Ok(());
        };
        let state = Obj::new(None, ObjectKind::Internal(vec![Value::from(id as f64)]));
        self.perform_promise_then(
            &p,
            Handler::Native(async_module_settled, state.clone()),
            Handler::Native(async_module_settled, state),
            None,
        );
        Ok(())
    }

    /// GatherAvailableAncestors.
    fn gather_available_ancestors(&mut self, id: ModuleId, list: &mut Vec<ModuleId>) {
        let parents = self.module(id).async_parents.clone();
        for m in parents {
            let root = self.module(m).cycle_root.unwrap_or(m);
            if !list.contains(&m) && self.module(root).eval_error.is_none() {
                let r = self.module_mut(m);
                r.pending_async_deps = r.pending_async_deps.saturating_sub(1);
                if r.pending_async_deps == 0 {
                    list.push(m);
                    if !self.module(m).has_tla {
                        self.gather_available_ancestors(m, list);
                    }
                }
            }
        }
    }

    /// AsyncModuleExecutionFulfilled.
    fn async_module_execution_fulfilled(&mut self, id: ModuleId) {
        if self.module(id).status == ModuleStatus::Evaluated {
            return;
        }
        {
            let m = self.module_mut(id);
            m.async_order = AsyncOrder::Done;
            m.status = ModuleStatus::Evaluated;
        }
        if let Some(cap) = self.module(id).capability.clone() {
            self.resolve_promise(&cap, Value::Undefined);
        }
        let mut list = Vec::new();
        self.gather_available_ancestors(id, &mut list);
        list.sort_by_key(|m| match self.module(*m).async_order {
            AsyncOrder::Order(o) => o,
            _ => u64::MAX,
        });
        for m in list {
            if self.module(m).status == ModuleStatus::Evaluated {
                continue;
            }
            if self.module(m).has_tla {
                if let Err(Abrupt::Throw(e)) = self.execute_async_module(m) {
                    self.async_module_execution_rejected(m, e);
                }
            } else {
                match self.execute_module_sync(m) {
                    Err(Abrupt::Throw(e)) => self.async_module_execution_rejected(m, e),
                    Err(_) => {}
                    Ok(()) => {
                        {
                            let r = self.module_mut(m);
                            r.async_order = AsyncOrder::Done;
                            r.status = ModuleStatus::Evaluated;
                        }
                        if let Some(cap) = self.module(m).capability.clone() {
                            self.resolve_promise(&cap, Value::Undefined);
                        }
                    }
                }
            }
        }
    }

    /// AsyncModuleExecutionRejected.
    fn async_module_execution_rejected(&mut self, id: ModuleId, error: Value) {
        if self.module(id).status == ModuleStatus::Evaluated {
            return;
        }
        {
            let m = self.module_mut(id);
            m.eval_error = Some(error.clone());
            m.status = ModuleStatus::Evaluated;
            m.async_order = AsyncOrder::Done;
        }
        // The module's own capability first, then its parents' (the current spec's order:
        // promises reject in the order their graphs started evaluating).
        if let Some(cap) = self.module(id).capability.clone() {
            let hooks = self.hooks();
            hooks.module_evaluation_failed(self, id, &error);
            self.reject_promise(&cap, error.clone());
        }
        let parents = self.module(id).async_parents.clone();
        for m in parents {
            self.async_module_execution_rejected(m, error.clone());
        }
    }

    // ---- running a module as the main program ----------------------------------------------

    /// Loads, links and evaluates module `id` as the main program: its evaluation promise,
    /// or the error that stopped it synchronously (a load or link error, or an exception
    /// thrown before the first `await`).
    pub fn run_module_record(&mut self, id: ModuleId) -> Result<Value, RunError> {
        let uncaught = |it: &mut Interp, e: Abrupt| match e {
            Abrupt::Throw(value) => Err(RunError::Uncaught {
                value,
                pos: it.last_error_pos.take(),
            }),
            _ => Ok(Value::Undefined),
        };
        self.module_like = true;
        if let Err(e) = self.load_requested_modules(id) {
            return uncaught(self, e);
        }
        if let Err(e) = self.link_module(id) {
            return uncaught(self, e);
        }
        let p = self.evaluate_module(id);
        let rejected = match &p.borrow().kind {
            ObjectKind::Promise(d) => match &d.state {
                PromiseState::Rejected(e) => Some(e.clone()),
                _ => None,
            },
            _ => None,
        };
        if let Some(e) = rejected {
            // Reported as an uncaught exception, not as an unhandled rejection.
            self.perform_promise_then(
                &p,
                Handler::Js(Value::Undefined),
                Handler::Js(Value::Undefined),
                None,
            );
            return uncaught(self, Abrupt::Throw(e));
        }
        // A rejection after an `await` is an uncaught exception too (Node's
        // `triggerUncaughtException(err, true)`): the reaction rethrows it.
        let state = Obj::new(None, ObjectKind::Internal(Vec::new()));
        self.perform_promise_then(
            &p,
            Handler::Native(main_module_settled, state.clone()),
            Handler::Native(main_module_settled, state),
            None,
        );
        Ok(Value::Object(p))
    }

    // ---- import() and import.meta ----------------------------------------------------------

    /// `import(specifier, options)` (EvaluateImportCall): a promise for the namespace.
    pub fn import_dynamic(&mut self, specifier: Value, options: Value) -> JsResult<Value> {
        let promise = self.new_promise();
        let r = self.import_dynamic_start(&promise, specifier, options);
        match r {
            Ok(()) => {}
            Err(Abrupt::Throw(e)) => self.reject_promise(&promise, e),
            Err(other) => return Err(other),
        }
        Ok(Value::Object(promise))
    }

    fn import_dynamic_start(
        &mut self,
        promise: &Obj,
        specifier: Value,
        options: Value,
    ) -> JsResult<()> {
        let source = self.current_source();
        let referrer = self.module_of_source(source);
        let specifier = self.to_string(&specifier)?;
        let mut attributes = Vec::new();
        if !options.is_undefined() {
            let Value::Object(o) = &options else {
                return Err(self.type_error("The second argument to import() must be an object"));
            };
            let with = self.get(o, &static_key!("with"))?;
            if !with.is_undefined() {
                let Value::Object(w) = &with else {
                    return Err(self.type_error(
                        "The 'with' option of the second argument to import() must be an object",
                    ));
                };
                for k in self.own_property_keys(w)? {
                    let (PropKey::Str(_) | PropKey::Index(_)) = &k else {
                        continue;
                    };
                    let enumerable = self
                        .get_own_property(w, &k)?
                        .is_some_and(|p| p.attrs.enumerable());
                    if !enumerable {
                        continue;
                    }
                    let v = self.get(w, &k)?;
                    let Value::String(v) = v else {
                        return Err(self.type_error("Import attribute value must be a string"));
                    };
                    attributes.push((k.to_jsstr(), v));
                }
            }
        }
        // HostLoadImportedModule finishes in a later job, as a host's fetch does: the
        // importing code runs to its end first.
        let mut state = vec![
            Value::Object(promise.clone()),
            Value::String(specifier),
            Value::from(source as f64),
            match referrer {
                Some(m) => Value::from(m as f64),
                None => Value::Undefined,
            },
        ];
        for (k, v) in attributes {
            state.push(Value::String(k));
            state.push(Value::String(v));
        }
        let state = Obj::new(None, ObjectKind::Internal(state));
        let ready = self.new_promise();
        self.resolve_promise(&ready, Value::Undefined);
        self.perform_promise_then(
            &ready,
            Handler::Native(dynamic_import_load, state.clone()),
            Handler::Native(dynamic_import_load, state),
            None,
        );
        Ok(())
    }

    /// FinishLoadingImportedModule + ContinueDynamicImport.
    fn continue_dynamic_import(&mut self, promise: &Obj, state: &[Value]) -> JsResult<()> {
        let specifier = match state.get(1) {
            Some(Value::String(s)) => s.clone(),
            _ => JsStr::empty(),
        };
        let source = state_module(state.get(2));
        let referrer = match state.get(3) {
            Some(Value::Number(n)) => Some(*n as ModuleId),
            _ => None,
        };
        let mut attributes = Vec::new();
        let mut i = 4;
        while let (Some(Value::String(k)), Some(Value::String(v))) =
            (state.get(i), state.get(i + 1))
        {
            attributes.push((k.clone(), v.clone()));
            i += 2;
        }
        let request = ModuleRequest {
            specifier,
            attributes,
        };
        let hooks = self.hooks();
        let id = hooks.load_imported_module(self, referrer, source, &request)?;
        self.load_requested_modules(id)?;
        self.link_module(id)?;
        let eval = self.evaluate_module(id);
        let state = Obj::new(
            None,
            ObjectKind::Internal(vec![Value::Object(promise.clone()), Value::from(id as f64)]),
        );
        self.perform_promise_then(
            &eval,
            Handler::Native(dynamic_import_evaluated, state.clone()),
            Handler::Native(dynamic_import_evaluated, state),
            None,
        );
        Ok(())
    }

    /// `import.meta` of the running module (made on first use from the host's properties).
    pub fn import_meta(&mut self) -> JsResult<Value> {
        let source = self.current_source();
        let Some(id) = self.module_of_source(source) else {
            return Ok(Value::Object(self.new_object()));
        };
        if let Some(m) = &self.module(id).meta {
            return Ok(Value::Object(m.clone()));
        }
        let meta = Obj::new(None, ObjectKind::Ordinary);
        let hooks = self.hooks();
        for (k, v) in hooks.import_meta_properties(self, id)? {
            meta.define(PropKey::from_str(&k), v, Attrs::DEFAULT);
        }
        self.module_mut(id).meta = Some(meta.clone());
        Ok(Value::Object(meta))
    }

    // ---- module namespace exotic objects (10.4.6) ------------------------------------------

    fn ns_value(&mut self, ns: &NamespaceData, name: &JsStr) -> JsResult<Option<Value>> {
        let Some(b) = ns.find(name).cloned() else {
            return Ok(None);
        };
        match b {
            NsBinding::Namespace(m) => Ok(Some(Value::Object(self.module_namespace(m)?))),
            NsBinding::Slot(env, slot) => {
                match env.get(0, slot) {
                    Value::Empty => Err(self
                        .reference_error(format!("Cannot access '{name}' before initialization"))),
                    v => Ok(Some(v)),
                }
            }
        }
    }

    fn ns_symbol_prop(&self, key: &PropKey) -> Option<Prop> {
        match key {
            PropKey::Sym(s) if *s == self.symbols.to_string_tag => {
                Some(Prop::data(Value::from("Module"), Attrs::NONE))
            }
            _ => None,
        }
    }

    pub(crate) fn ns_get_own_property(
        &mut self,
        ns: &NamespaceData,
        key: &PropKey,
    ) -> JsResult<Option<Prop>> {
        if key.is_symbol() {
            return Ok(self.ns_symbol_prop(key));
        }
        let name = key.to_jsstr();
        Ok(self
            .ns_value(ns, &name)?
            .map(|v| Prop::data(v, Attrs::new(true, true, false))))
    }

    pub(crate) fn ns_define_own_property(
        &mut self,
        ns: &NamespaceData,
        key: &PropKey,
        desc: &PropertyDescriptor,
    ) -> JsResult<bool> {
        let Some(current) = self.ns_get_own_property(ns, key)? else {
            return Ok(false);
        };
        if key.is_symbol() {
            // OrdinaryDefineOwnProperty on a non-configurable, non-writable data property.
            if desc.configurable == Some(true)
                || desc.enumerable == Some(true)
                || desc.get.is_some()
                || desc.set.is_some()
                || desc.writable == Some(true)
            {
                return Ok(false);
            }
            return Ok(match (&desc.value, prop_value(&current)) {
                (Some(v), Some(c)) => v.same_value(&c),
                _ => true,
            });
        }
        if desc.configurable == Some(true)
            || desc.enumerable == Some(false)
            || desc.get.is_some()
            || desc.set.is_some()
            || desc.writable == Some(false)
        {
            return Ok(false);
        }
        Ok(match (&desc.value, prop_value(&current)) {
            (Some(v), Some(c)) => v.same_value(&c),
            _ => true,
        })
    }

    pub(crate) fn ns_has(&self, ns: &NamespaceData, key: &PropKey) -> bool {
        if key.is_symbol() {
            return self.ns_symbol_prop(key).is_some();
        }
        ns.find(&key.to_jsstr()).is_some()
    }

    pub(crate) fn ns_get(&mut self, ns: &NamespaceData, key: &PropKey) -> JsResult<Value> {
        if key.is_symbol() {
            return Ok(self
                .ns_symbol_prop(key)
                .and_then(|p| prop_value(&p))
                .unwrap_or_default());
        }
        Ok(self.ns_value(ns, &key.to_jsstr())?.unwrap_or_default())
    }

    pub(crate) fn ns_delete(&self, ns: &NamespaceData, key: &PropKey) -> bool {
        if key.is_symbol() {
            return self.ns_symbol_prop(key).is_none();
        }
        ns.find(&key.to_jsstr()).is_none()
    }

    pub(crate) fn ns_own_keys(&self, ns: &NamespaceData) -> Vec<PropKey> {
        let mut keys: Vec<PropKey> = ns
            .exports
            .iter()
            .map(|(n, _)| PropKey::from_str(n))
            .collect();
        keys.push(PropKey::Sym(self.symbols.to_string_tag.clone()));
        keys
    }
}

/// Early errors of a module's top level that its function-body form would not report:
/// `return` outside a function, and the module's lexically declared names (function
/// declarations are lexical at a module's top level) declared twice or also as a `var`.
fn check_module_body(body: &[Stmt]) -> Result<(), SyntaxError> {
    fn err(message: String, span: Span) -> SyntaxError {
        SyntaxError {
            message,
            span,
            incomplete: false,
        }
    }
    fn walk(st: &Stmt, vars: &mut Vec<(JsStr, Span)>) -> Result<(), SyntaxError> {
        match &st.kind {
            StmtKind::Return(_) => {
                return Err(err("Illegal return statement".into(), st.span));
            }
            StmtKind::Var(v) if v.kind == crate::ast::VarKind::Var => {
                for d in &v.decls {
                    let mut names = Vec::new();
                    crate::parser::bound_names(&d.target, &mut names);
                    vars.extend(names.into_iter().map(|n| (n, d.span)));
                }
            }
            StmtKind::Block(b) => {
                for s in &b.body {
                    walk(s, vars)?;
                }
            }
            StmtKind::If { cons, alt, .. } => {
                walk(cons, vars)?;
                if let Some(a) = alt {
                    walk(a, vars)?;
                }
            }
            StmtKind::For { init, body, .. } => {
                if let Some(crate::ast::ForInit::Var(v)) = init.as_deref() {
                    if v.kind == crate::ast::VarKind::Var {
                        for d in &v.decls {
                            let mut names = Vec::new();
                            crate::parser::bound_names(&d.target, &mut names);
                            vars.extend(names.into_iter().map(|n| (n, d.span)));
                        }
                    }
                }
                walk(body, vars)?;
            }
            StmtKind::ForInOf { left, body, .. } => {
                if let crate::ast::ForHead::Decl {
                    kind: crate::ast::VarKind::Var,
                    target,
                    ..
                } = &**left
                {
                    let mut names = Vec::new();
                    crate::parser::bound_names(target, &mut names);
                    vars.extend(names.into_iter().map(|n| (n, st.span)));
                }
                walk(body, vars)?;
            }
            StmtKind::While { body, .. }
            | StmtKind::DoWhile { body, .. }
            | StmtKind::Labeled { body, .. }
            | StmtKind::With { body, .. } => walk(body, vars)?,
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                for s in &block.body {
                    walk(s, vars)?;
                }
                if let Some(h) = handler {
                    for s in &h.body.body {
                        walk(s, vars)?;
                    }
                }
                if let Some(f) = finalizer {
                    for s in &f.body {
                        walk(s, vars)?;
                    }
                }
            }
            StmtKind::Switch { cases, .. } => {
                for c in cases {
                    for s in &c.body {
                        walk(s, vars)?;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
    let mut vars = Vec::new();
    let mut lexical: Vec<(JsStr, Span)> = Vec::new();
    for st in body {
        walk(st, &mut vars)?;
        match &st.kind {
            StmtKind::Function(f) => {
                if let Some(n) = &f.name {
                    lexical.push((n.name.clone(), n.span));
                }
            }
            StmtKind::Class(c) => {
                if let Some(n) = &c.name {
                    lexical.push((n.name.clone(), n.span));
                }
            }
            StmtKind::Var(v) if v.kind != crate::ast::VarKind::Var => {
                for d in &v.decls {
                    let mut names = Vec::new();
                    crate::parser::bound_names(&d.target, &mut names);
                    lexical.extend(names.into_iter().map(|n| (n, d.span)));
                }
            }
            _ => {}
        }
    }
    for (i, (n, span)) in lexical.iter().enumerate() {
        if lexical[..i].iter().any(|(m, _)| m == n) || vars.iter().any(|(m, _)| m == n) {
            return Err(err(
                format!("Identifier '{n}' has already been declared"),
                *span,
            ));
        }
    }
    Ok(())
}

/// The namespace state of a module namespace object (`None` for anything else).
pub fn namespace_of(o: &Obj) -> Option<Rc<NamespaceData>> {
    match &o.borrow().kind {
        ObjectKind::Proxy(p) => p.namespace.clone(),
        _ => None,
    }
}

/// The live export values of a namespace (for inspect): name and value, `None` for a
/// binding in its TDZ.
pub fn namespace_entries(it: &mut Interp, o: &Obj) -> Option<Vec<(JsStr, Option<Value>)>> {
    let ns = namespace_of(o)?;
    let mut out = Vec::new();
    for (name, b) in &ns.exports {
        let v = match b {
            NsBinding::Namespace(m) => it.module_namespace(*m).ok().map(Value::Object),
            NsBinding::Slot(env, slot) => match env.get(0, *slot) {
                Value::Empty => None,
                v => Some(v),
            },
        };
        out.push((name.clone(), v));
    }
    Some(out)
}

fn prop_value(p: &Prop) -> Option<Value> {
    match &p.slot {
        crate::object::Slot::Data(v) => Some(v.clone()),
        _ => None,
    }
}

fn internal_state(state: &Obj) -> Vec<Value> {
    match &state.borrow().kind {
        ObjectKind::Internal(v) => v.clone(),
        _ => Vec::new(),
    }
}

fn state_module(v: Option<&Value>) -> ModuleId {
    match v {
        Some(Value::Number(n)) => *n as ModuleId,
        _ => 0,
    }
}

fn async_module_settled(it: &mut Interp, state: &Obj, r: Result<Value, Value>) -> JsResult<()> {
    let id = state_module(internal_state(state).first());
    match r {
        Ok(_) => it.async_module_execution_fulfilled(id),
        Err(e) => it.async_module_execution_rejected(id, e),
    }
    Ok(())
}

fn main_module_settled(_it: &mut Interp, _state: &Obj, r: Result<Value, Value>) -> JsResult<()> {
    match r {
        Ok(_) => Ok(()),
        Err(e) => Err(Abrupt::Throw(e)),
    }
}

fn dynamic_import_load(it: &mut Interp, state: &Obj, _r: Result<Value, Value>) -> JsResult<()> {
    let s = internal_state(state);
    let Some(Value::Object(promise)) = s.first().cloned() else {
        return Ok(());
    };
    let saved = it.stack.len();
    match it.continue_dynamic_import(&promise, &s) {
        Ok(()) => {}
        Err(Abrupt::Throw(e)) => it.reject_promise(&promise, e),
        Err(other) => return Err(other),
    }
    it.stack.truncate(saved);
    Ok(())
}

fn dynamic_import_evaluated(it: &mut Interp, state: &Obj, r: Result<Value, Value>) -> JsResult<()> {
    let s = internal_state(state);
    let Some(Value::Object(promise)) = s.first().cloned() else {
        return Ok(());
    };
    let id = state_module(s.get(1));
    match r {
        Ok(_) => match it.module_namespace(id) {
            Ok(ns) => it.resolve_promise(&promise, Value::Object(ns)),
            Err(Abrupt::Throw(e)) => it.reject_promise(&promise, e),
            Err(_) => {}
        },
        Err(e) => it.reject_promise(&promise, e),
    }
    Ok(())
}

/// ParseModule's parse and early errors (the scope analysis included): the module body as
/// an async arrow inside a script wrapper, and the module's import/export entries.
fn parse_and_resolve_module(
    text: &str,
) -> Result<(Script, Rc<Function>, crate::ast::ModuleItems), SyntaxError> {
    let opts = ParseOptions {
        strict: true,
        top_level_await: true,
        module: true,
    };
    let (script, items) = parse_module(text, &opts)?;
    check_module_body(&script.body)?;
    let span = script.span;
    let func = crate::interp::script::module_body_function(script.body, span);
    let wrapper = Script {
        body: vec![Stmt::new(
            StmtKind::Expr(Expr::new(ExprKind::Arrow(func.clone()), span)),
            span,
        )],
        strict: true,
        span,
        scope: Default::default(),
    };
    resolve_script(&wrapper, &ResolveOptions::default())?;
    Ok((wrapper, func, items))
}

/// Whether `text` is a valid module (parses and passes the early errors): Node 24's module
/// detection only reruns a CommonJS file as a module when it is one.
pub fn is_valid_module(text: &str) -> bool {
    parse_and_resolve_module(text).is_ok()
}
