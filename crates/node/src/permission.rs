//! Node's permission model for the file system (`--permission` with `--allow-fs-read=PATH` /
//! `--allow-fs-write=PATH`) and jsgen's `--sandbox` (the same model with nothing allowed but
//! the main script). One place decides, for every route to a file: the module loader
//! (`require`, `import`) and `fs` call [`check_fs_read`] / [`check_fs_write`] before they
//! touch a path.
//!
//! A denied operation throws Node's error:
//! `Error [ERR_ACCESS_DENIED]: Access to this API has been restricted. Use --allow-fs-read to
//! manage permissions.` with `code: 'ERR_ACCESS_DENIED'`, `permission: 'FileSystemRead'`
//! (or `'FileSystemWrite'`) and `resource: <absolute path>`.

use std::path::{Component, Path, PathBuf};

use crate::NodeData;
use jsgen_engine::interp::{Abrupt, Interp, JsResult};
use jsgen_engine::object::Attrs;
use jsgen_engine::value::Value;

/// The permission state of a run ([`crate::NodeState::permission`]). `None` there means no
/// permission model: everything is allowed, as in Node without `--permission`.
#[derive(Debug, Clone, Default)]
pub struct Permission {
    /// Paths (files, or directories with everything below them) that may be read; `*`
    /// allows everything.
    pub read: Vec<PathBuf>,
    /// Paths that may be written.
    pub write: Vec<PathBuf>,
    /// Reading everything is allowed (`--allow-fs-read=*`).
    pub read_all: bool,
    /// Writing everything is allowed (`--allow-fs-write=*`).
    pub write_all: bool,
    /// The main script, which may always be read (Node allows its entry point).
    pub main: Option<PathBuf>,
}

impl Permission {
    /// A model from Node's flags: each `--allow-fs-read` / `--allow-fs-write` value (a path,
    /// relative to the working directory, or `*`).
    pub fn from_flags(read: &[String], write: &[String]) -> Permission {
        let mut p = Permission::default();
        for r in read {
            if r == "*" {
                p.read_all = true;
            } else {
                p.read.push(absolute(Path::new(r)));
            }
        }
        for w in write {
            if w == "*" {
                p.write_all = true;
            } else {
                p.write.push(absolute(Path::new(w)));
            }
        }
        p
    }

    /// May `path` (absolute) be read?
    pub fn can_read(&self, path: &Path) -> bool {
        self.read_all
            || self.main.as_deref() == Some(path)
            || self.read.iter().any(|a| covers(a, path))
    }

    /// May `path` (absolute) be written?
    pub fn can_write(&self, path: &Path) -> bool {
        self.write_all || self.write.iter().any(|a| covers(a, path))
    }
}

/// Does an allowed path cover `path` (the same path, or a path below it)? A trailing `*`
/// allows every path starting with what precedes it, as in Node.
fn covers(allowed: &Path, path: &Path) -> bool {
    let a = allowed.to_string_lossy();
    if let Some(prefix) = a.strip_suffix('*') {
        return path.to_string_lossy().starts_with(prefix);
    }
    path.starts_with(allowed)
}

/// `path` made absolute against the working directory and normalized lexically (`.` and
/// `..` removed), as Node's permission model compares paths.
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let mut out = PathBuf::from("/");
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out
}

/// Throws Node's `ERR_ACCESS_DENIED` unless `path` may be read.
pub fn check_fs_read(it: &mut Interp, path: &Path) -> JsResult<()> {
    let abs = absolute(path);
    match &it.node().permission {
        Some(p) if !p.can_read(&abs) => Err(access_denied(it, "FileSystemRead", &abs)),
        _ => Ok(()),
    }
}

/// Throws Node's `ERR_ACCESS_DENIED` unless `path` may be written.
pub fn check_fs_write(it: &mut Interp, path: &Path) -> JsResult<()> {
    let abs = absolute(path);
    match &it.node().permission {
        Some(p) if !p.can_write(&abs) => Err(access_denied(it, "FileSystemWrite", &abs)),
        _ => Ok(()),
    }
}

/// Is a permission model active (`--permission` or `--sandbox`)?
pub fn is_enabled(it: &Interp) -> bool {
    it.node().permission.is_some()
}

/// Node's `ERR_ACCESS_DENIED` error for `permission` (`FileSystemRead`/`FileSystemWrite`) on
/// `resource`.
pub fn access_denied(it: &mut Interp, permission: &str, resource: &Path) -> Abrupt {
    let flag = if permission == "FileSystemWrite" {
        "--allow-fs-write"
    } else {
        "--allow-fs-read"
    };
    let message =
        format!("Access to this API has been restricted. Use {flag} to manage permissions.");
    let p = it.intrinsics.error_prototype.clone();
    let e = crate::process::node_error(it, &p, "ERR_ACCESS_DENIED", &message);
    if let Value::Object(o) = &e {
        o.define("permission", Value::from(permission), Attrs::DEFAULT);
        let r = resource.to_string_lossy();
        o.define("resource", Value::from(r.as_ref()), Attrs::DEFAULT);
    }
    Abrupt::Throw(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_cover_what_is_below_them() {
        let p = Permission::from_flags(&["/data".into()], &[]);
        assert!(p.can_read(Path::new("/data")));
        assert!(p.can_read(Path::new("/data/x/y.txt")));
        assert!(!p.can_read(Path::new("/database")));
        assert!(!p.can_read(Path::new("/etc/passwd")));
        assert!(!p.can_write(Path::new("/data/x")));
    }

    #[test]
    fn star_allows_everything_and_a_trailing_star_is_a_prefix() {
        let p = Permission::from_flags(&["*".into()], &["/tmp/a*".into()]);
        assert!(p.can_read(Path::new("/etc/passwd")));
        assert!(p.can_write(Path::new("/tmp/abc")));
        assert!(!p.can_write(Path::new("/tmp/b")));
    }

    #[test]
    fn the_main_script_is_always_readable() {
        let mut p = Permission::from_flags(&[], &[]);
        p.main = Some(PathBuf::from("/w/main.js"));
        assert!(p.can_read(Path::new("/w/main.js")));
        assert!(!p.can_read(Path::new("/w/other.js")));
    }

    #[test]
    fn paths_are_normalized() {
        assert_eq!(absolute(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}
