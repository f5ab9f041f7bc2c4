//! The REPL's history file, as Node keeps `~/.node_repl_history`: one entry per line, newest
//! first, at most `size` entries. `JSGEN_REPL_HISTORY` moves the file (empty: no history
//! file), `JSGEN_REPL_HISTORY_SIZE` changes the size (Node's `NODE_REPL_HISTORY` and
//! `NODE_REPL_HISTORY_SIZE`). Only a REPL on a terminal reads or writes it.

use std::path::PathBuf;

/// Node's default number of entries kept.
pub const DEFAULT_SIZE: usize = 1000;

/// Where the history lives and how much of it is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryFile {
    pub path: PathBuf,
    pub size: usize,
}

impl HistoryFile {
    /// The history file from the environment, or `None` when history is disabled (an empty
    /// `JSGEN_REPL_HISTORY`, no home directory, or a size of 0).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<HistoryFile> {
        let size = match var("JSGEN_REPL_HISTORY_SIZE") {
            Some(s) => s.trim().parse::<usize>().unwrap_or(DEFAULT_SIZE),
            None => DEFAULT_SIZE,
        };
        if size == 0 {
            return None;
        }
        let path = match var("JSGEN_REPL_HISTORY") {
            Some(p) if p.trim().is_empty() => return None,
            Some(p) => PathBuf::from(p),
            None => PathBuf::from(var("HOME")?).join(".jsgen_repl_history"),
        };
        Some(HistoryFile { path, size })
    }

    /// The saved entries, oldest first (the file lists them newest first).
    pub fn load(&self) -> Vec<String> {
        let Ok(text) = std::fs::read_to_string(&self.path) else {
            return Vec::new();
        };
        let mut entries: Vec<String> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(self.size)
            .map(str::to_string)
            .collect();
        entries.reverse();
        entries
    }

    /// Writes `entries` (oldest first), newest first and at most `size` of them. The file
    /// is private to the user (mode 0600), as Node's.
    pub fn save(&self, entries: &[String]) -> std::io::Result<()> {
        // Newline-separated without a final newline, as Node writes it.
        let text = entries
            .iter()
            .rev()
            .take(self.size)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&self.path, text)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o600));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn location_and_size_from_the_environment() {
        let h = HistoryFile::from_env(env(&[("HOME", "/home/u")])).unwrap();
        assert_eq!(h.path, PathBuf::from("/home/u/.jsgen_repl_history"));
        assert_eq!(h.size, 1000);
        let h = HistoryFile::from_env(env(&[
            ("HOME", "/home/u"),
            ("JSGEN_REPL_HISTORY", "/tmp/h"),
            ("JSGEN_REPL_HISTORY_SIZE", "5"),
        ]))
        .unwrap();
        assert_eq!((h.path, h.size), (PathBuf::from("/tmp/h"), 5));
        assert!(
            HistoryFile::from_env(env(&[("HOME", "/h"), ("JSGEN_REPL_HISTORY", "")])).is_none()
        );
        assert!(
            HistoryFile::from_env(env(&[("HOME", "/h"), ("JSGEN_REPL_HISTORY_SIZE", "0")]))
                .is_none()
        );
    }

    #[test]
    fn saved_newest_first_and_truncated() {
        let dir = std::env::temp_dir().join(format!("jsgen-hist-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let h = HistoryFile {
            path: dir.join("h"),
            size: 2,
        };
        h.save(&["a".into(), "b".into(), "c".into()]).unwrap();
        assert_eq!(std::fs::read_to_string(&h.path).unwrap(), "c\nb");
        assert_eq!(h.load(), ["b", "c"]);
    }
}
