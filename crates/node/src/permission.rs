//! Node's permission model for the file system (`--permission`, `--allow-fs-read`,
//! `--allow-fs-write`) and jsgen's `--sandbox`, in ONE place: every route to the file system
//! (the `fs` natives, `process.chdir`, module loading) calls [`check_fs_read`] or
//! [`check_fs_write`] before touching anything.
//!
//! Node's meaning (v24, `src/permission/fs_permission.cc`): with `--permission`, nothing is
//! allowed but what the flags grant. A granted path is resolved against the working
//! directory; a directory grants itself and everything below it, `*` grants everything, and a
//! trailing `*` grants every path starting with the text before it. A denied call throws
//! `Error: Access to this API has been restricted. Use --allow-fs-read to manage permissions.`
//! with `code: 'ERR_ACCESS_DENIED'`, `permission: 'FileSystemRead'` (or `FileSystemWrite`)
//! and `resource`: the path as given.
//!
//! `--sandbox` is `--permission` with nothing granted (the main script is read by the CLI
//! before any script code runs), plus an empty `process.env` and no `process.stdin` unless
//! stdin is piped (see `process.rs`).

use crate::prelude::*;
use jsgen_engine::interp::{Abrupt, Interp, JsResult};
use jsgen_engine::object::Attrs;
use jsgen_engine::value::Value;

/// What a set of grants allows.
#[derive(Debug, Clone, Default)]
pub struct Grants {
    /// `*`: everything.
    pub all: bool,
    /// Resolved paths: each grants itself and (as a directory) everything below it.
    pub paths: Vec<String>,
    /// `PREFIX*`: every path that starts with PREFIX.
    pub prefixes: Vec<String>,
}

impl Grants {
    /// Parses one `--allow-fs-*` value (a comma-separated list), resolving relative paths
    /// against `cwd`.
    pub fn add_list(&mut self, list: &str, cwd: &str) {
        for item in list.split(',') {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            if item == "*" {
                self.all = true;
            } else if let Some(prefix) = item.strip_suffix('*') {
                self.prefixes.push(resolve(cwd, prefix));
            } else {
                self.paths.push(resolve(cwd, item));
            }
        }
    }

    /// Whether `resolved` (an absolute, normalized path) is granted.
    pub fn allows(&self, resolved: &str) -> bool {
        if self.all {
            return true;
        }
        self.paths.iter().any(|p| {
            resolved == p
                || p == "/"
                || (resolved.starts_with(p.as_str())
                    && resolved.as_bytes().get(p.len()) == Some(&b'/'))
        }) || self
            .prefixes
            .iter()
            .any(|p| resolved.starts_with(p.as_str()))
    }
}

/// The permission state of a run (in [`crate::NodeState`]).
#[derive(Debug, Clone, Default)]
pub struct Permission {
    /// `--permission` (or `--sandbox`): the file system is limited to the grants.
    pub enabled: bool,
    /// `--sandbox`: also an empty `process.env` and no terminal stdin.
    pub sandbox: bool,
    pub read: Grants,
    pub write: Grants,
    /// `--allow-child-process`: `child_process` may spawn under the model.
    pub child_process: bool,
    /// The main script (absolute), which may always be read: Node allows its entry point.
    pub main: Option<String>,
}

impl Permission {
    /// `--permission` with the `--allow-fs-read` / `--allow-fs-write` values given.
    pub fn with_grants(read: &[String], write: &[String]) -> Permission {
        let cwd = current_dir();
        let mut p = Permission {
            enabled: true,
            ..Default::default()
        };
        for r in read {
            p.read.add_list(r, &cwd);
        }
        for w in write {
            p.write.add_list(w, &cwd);
        }
        p
    }

    /// `--sandbox`: nothing granted.
    pub fn sandbox() -> Permission {
        Permission {
            enabled: true,
            sandbox: true,
            ..Default::default()
        }
    }
}

fn current_dir() -> String {
    std::env::current_dir()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "/".into())
}

/// Sets the run's permission state; `--sandbox` also empties `process.env`.
pub fn apply(it: &mut Interp, perm: Permission) {
    let sandbox = perm.sandbox;
    let enabled = perm.enabled;
    it.node_mut().permission = perm;
    let Some(process) = it.node().host.process.clone() else {
        return;
    };
    if sandbox {
        let env = it.new_object();
        it.node_mut().host.env = Some(env.clone());
        process.define("env", Value::Object(env), Attrs::DEFAULT);
    }
    if enabled {
        // `process.permission.has(scope[, reference])`.
        let p = it.new_object();
        it.define_method(&p, "has", 2, |it, a| {
            let scope = it.to_string(&a.get(0))?.to_rust_string();
            let reference = match a.get(1) {
                Value::Undefined => None,
                v => Some(it.to_string(&v)?.to_rust_string()),
            };
            Ok(Value::Bool(has(it, &scope, reference.as_deref())))
        });
        process.define("permission", Value::Object(p), Attrs::DEFAULT);
    }
}

/// `path.resolve(cwd, p)` for posix paths: absolute and normalized (`.`/`..` removed, no
/// trailing slash but for the root).
pub fn resolve(cwd: &str, p: &str) -> String {
    let joined = if p.starts_with('/') {
        p.to_string()
    } else {
        format!("{cwd}/{p}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for c in joined.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Node's `ERR_ACCESS_DENIED` error for `resource` (`FileSystemRead` or `FileSystemWrite`); the
/// resource is the path as the script gave it.
pub fn access_denied(it: &mut Interp, permission: &str, resource: &str) -> Abrupt {
    let flag = if permission == "FileSystemWrite" {
        "--allow-fs-write"
    } else {
        "--allow-fs-read"
    };
    let msg = format!("Access to this API has been restricted. Use {flag} to manage permissions.");
    let p = it.intrinsics.error_prototype.clone();
    let e = it.make_error(&p, &msg);
    e.define("code", Value::from("ERR_ACCESS_DENIED"), Attrs::DEFAULT);
    e.define("permission", Value::from(permission), Attrs::DEFAULT);
    e.define("resource", Value::from(resource), Attrs::DEFAULT);
    Abrupt::Throw(Value::Object(e))
}

fn check(it: &mut Interp, path: &str, write: bool) -> JsResult<()> {
    let perm = &it.node().permission;
    if !perm.enabled {
        return Ok(());
    }
    let resolved = resolve(&current_dir(), path);
    let grants = if write { &perm.write } else { &perm.read };
    if grants.allows(&resolved) || (!write && perm.main.as_deref() == Some(resolved.as_str())) {
        return Ok(());
    }
    let kind = if write {
        "FileSystemWrite"
    } else {
        "FileSystemRead"
    };
    // Node reports the path as given (the check itself uses the resolved path).
    Err(access_denied(it, kind, path))
}

/// Throws Node's `ERR_ACCESS_DENIED` unless reading `path` is allowed (`fs` calls, and the
/// module loaders before they read a file and again for its real path).
pub fn check_fs_read(it: &mut Interp, path: impl AsRef<std::path::Path>) -> JsResult<()> {
    check(it, &path.as_ref().to_string_lossy(), false)
}

/// Throws Node's `ERR_ACCESS_DENIED` unless writing `path` is allowed.
pub fn check_fs_write(it: &mut Interp, path: impl AsRef<std::path::Path>) -> JsResult<()> {
    check(it, &path.as_ref().to_string_lossy(), true)
}

/// The module loaders' check before they read a file: Node's loaders fail in JavaScript
/// (`realpathSync`), with a NodeError — `Error [ERR_ACCESS_DENIED]: ...` in its stack — where
/// `fs` calls fail in C++ with a plain `Error` ([`check_fs_read`]).
pub fn check_module_read(it: &mut Interp, path: impl AsRef<std::path::Path>) -> JsResult<()> {
    let path = path.as_ref().to_string_lossy().into_owned();
    match check(it, &path, false) {
        Ok(()) => Ok(()),
        Err(_) => {
            let message =
                "Access to this API has been restricted. Use --allow-fs-read to manage permissions.";
            let p = it.intrinsics.error_prototype.clone();
            let e = crate::process::node_error(it, &p, "ERR_ACCESS_DENIED", message);
            if let Value::Object(o) = &e {
                o.define("permission", Value::from("FileSystemRead"), Attrs::DEFAULT);
                o.define("resource", Value::from(path.as_str()), Attrs::DEFAULT);
            }
            Err(Abrupt::Throw(e))
        }
    }
}

/// `path` made absolute against the working directory and normalized (`.`, `..` removed),
/// without touching the file system (the module loaders' paths).
pub fn absolute(path: &std::path::Path) -> std::path::PathBuf {
    std::path::PathBuf::from(resolve(&current_dir(), &path.to_string_lossy()))
}

/// `process.permission.has(scope[, reference])` (`fs`, `fs.read`, `fs.write`).
pub fn has(it: &Interp, scope: &str, reference: Option<&str>) -> bool {
    let perm = &it.node().permission;
    if !perm.enabled {
        return true;
    }
    let test = |g: &Grants| match reference {
        Some(r) => g.allows(&resolve(&current_dir(), r)),
        None => g.all,
    };
    match scope {
        "fs.read" => test(&perm.read),
        "fs.write" => test(&perm.write),
        "fs" => test(&perm.read) && test(&perm.write),
        "child" => perm.child_process,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_grant_their_contents_only() {
        let mut g = Grants::default();
        g.add_list("/data,rel/dir", "/home/u");
        assert!(g.allows("/data"));
        assert!(g.allows("/data/x/y"));
        assert!(!g.allows("/database"));
        assert!(!g.allows("/"));
        assert!(g.allows("/home/u/rel/dir/f"));
        assert!(!g.allows("/home/u/rel"));
    }

    #[test]
    fn wildcards() {
        let mut g = Grants::default();
        g.add_list("/tmp/ab*", "/");
        assert!(g.allows("/tmp/abc"));
        assert!(!g.allows("/tmp/a"));
        let mut all = Grants::default();
        all.add_list("*", "/");
        assert!(all.allows("/etc/passwd"));
    }

    #[test]
    fn resolve_normalizes() {
        assert_eq!(resolve("/a/b", "../c/./d/"), "/a/c/d");
        assert_eq!(resolve("/a", "/"), "/");
        assert_eq!(resolve("/", ".."), "/");
    }
}
