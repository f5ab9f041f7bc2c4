//! The file system natives behind `fs`, `fs/promises` and the file streams (as Node's
//! `fs` binding): one set of operations ([`Op`]), run on the interpreter thread for the sync
//! API and on the I/O pool ([`crate::io`]) for the callback and promise APIs.
//!
//! Every operation checks the permission model ([`crate::permission`]) when it is made, on
//! the interpreter thread, before anything is touched. Errors are libuv's, as Node reports
//! them: `ENOENT: no such file or directory, open 'x'` with `errno` (negative), `code`,
//! `syscall`, `path` and `dest`.
//!
//! File descriptors are the OS's. Only descriptors opened through `fs` (and 0, 1, 2) can be
//! used: any other number is `EBADF`, so a script cannot close or write jsgen's own files.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, IntoRawFd};
use std::os::unix::fs::{DirBuilderExt, FileExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::sync::{Mutex, OnceLock};

use crate::permission::{check_fs_read, check_fs_write};
use crate::prelude::*;
use jsgen_engine::builtins::array_buffer::{ArrayBufferData, ElementType};
use jsgen_engine::builtins::typed_array::{
    typed_array_data, typed_array_prototype_of, TypedArrayData,
};
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj, ObjectKind};
use jsgen_engine::string::JsStr;
use jsgen_engine::value::Value;

/// A failed system call, as libuv reports it.
#[derive(Debug, Clone)]
pub struct FsError {
    /// The positive errno.
    pub errno: i32,
    pub syscall: &'static str,
    pub path: Option<String>,
    pub dest: Option<String>,
}

impl FsError {
    fn new(errno: i32, syscall: &'static str, path: &str) -> FsError {
        FsError {
            errno,
            syscall,
            path: Some(path.to_string()),
            dest: None,
        }
    }
    fn io(e: std::io::Error, syscall: &'static str, path: &str) -> FsError {
        FsError::new(e.raw_os_error().unwrap_or(libc::EIO), syscall, path)
    }
    fn fd(e: std::io::Error, syscall: &'static str) -> FsError {
        FsError {
            errno: e.raw_os_error().unwrap_or(libc::EIO),
            syscall,
            path: None,
            dest: None,
        }
    }
    fn with_dest(mut self, dest: &str) -> FsError {
        self.dest = Some(dest.to_string());
        self
    }
}

/// libuv's name and description of an errno.
pub fn errno_text(errno: i32) -> (&'static str, &'static str) {
    match errno {
        libc::EPERM => ("EPERM", "operation not permitted"),
        libc::ESRCH => ("ESRCH", "no such process"),
        libc::ENOENT => ("ENOENT", "no such file or directory"),
        libc::EIO => ("EIO", "i/o error"),
        libc::EBADF => ("EBADF", "bad file descriptor"),
        libc::EAGAIN => ("EAGAIN", "resource temporarily unavailable"),
        libc::ENOMEM => ("ENOMEM", "not enough memory"),
        libc::EACCES => ("EACCES", "permission denied"),
        libc::EBUSY => ("EBUSY", "resource busy or locked"),
        libc::EEXIST => ("EEXIST", "file already exists"),
        libc::EXDEV => ("EXDEV", "cross-device link not permitted"),
        libc::ENOTDIR => ("ENOTDIR", "not a directory"),
        libc::EISDIR => ("EISDIR", "illegal operation on a directory"),
        libc::EINVAL => ("EINVAL", "invalid argument"),
        libc::EMFILE => ("EMFILE", "too many open files"),
        libc::ENFILE => ("ENFILE", "file table overflow"),
        libc::EFBIG => ("EFBIG", "file too large"),
        libc::ENOSPC => ("ENOSPC", "no space left on device"),
        libc::ESPIPE => ("ESPIPE", "invalid seek"),
        libc::EROFS => ("EROFS", "read-only file system"),
        libc::EMLINK => ("EMLINK", "too many links"),
        libc::EPIPE => ("EPIPE", "broken pipe"),
        libc::ENAMETOOLONG => ("ENAMETOOLONG", "name too long"),
        libc::ENOTEMPTY => ("ENOTEMPTY", "directory not empty"),
        libc::ELOOP => ("ELOOP", "too many symbolic links encountered"),
        libc::ENOSYS => ("ENOSYS", "function not implemented"),
        libc::ETXTBSY => ("ETXTBSY", "text file is busy"),
        _ => ("UNKNOWN", "unknown error"),
    }
}

/// Node's error object for a failed call: `Error: ENOENT: no such file or directory, open
/// 'x'` with `errno`, `code`, `syscall`, `path`, `dest`.
pub fn fs_error(it: &mut Interp, e: &FsError) -> Value {
    let (code, desc) = errno_text(e.errno);
    let mut msg = format!("{code}: {desc}, {}", e.syscall);
    if let Some(p) = &e.path {
        msg.push_str(&format!(" '{p}'"));
    }
    if let Some(d) = &e.dest {
        msg.push_str(&format!(" -> '{d}'"));
    }
    let p = it.intrinsics.error_prototype.clone();
    let o = it.make_error(&p, &msg);
    o.define("errno", Value::from(-e.errno), Attrs::DEFAULT);
    o.define("code", Value::from(code), Attrs::DEFAULT);
    o.define("syscall", Value::from(e.syscall), Attrs::DEFAULT);
    if let Some(p) = &e.path {
        o.define("path", Value::from(p.as_str()), Attrs::DEFAULT);
    }
    if let Some(d) = &e.dest {
        o.define("dest", Value::from(d.as_str()), Attrs::DEFAULT);
    }
    Value::Object(o)
}

// ---- file descriptors ----------------------------------------------------------------------

fn open_fds() -> &'static Mutex<HashSet<i32>> {
    static FDS: OnceLock<Mutex<HashSet<i32>>> = OnceLock::new();
    FDS.get_or_init(|| Mutex::new(HashSet::new()))
}

fn fd_known(fd: i32) -> bool {
    (0..=2).contains(&fd) || open_fds().lock().is_ok_and(|s| s.contains(&fd))
}

/// Runs `f` on the open file `fd` without closing it.
fn with_fd<R>(fd: i32, f: impl FnOnce(&std::fs::File) -> R) -> Option<R> {
    if !fd_known(fd) {
        return None;
    }
    // SAFETY: `fd` is a descriptor this process opened through `fs` (or a standard stream)
    // and is still open; the ManuallyDrop keeps it open after use.
    let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    Some(f(&file))
}

fn ebadf(syscall: &'static str) -> FsError {
    FsError {
        errno: libc::EBADF,
        syscall,
        path: None,
        dest: None,
    }
}

// ---- operations ----------------------------------------------------------------------------

/// The numbers of a `Stats` object, in Node's order.
#[derive(Debug, Clone)]
pub struct StatData(pub [f64; 14]);

fn stat_data(m: &std::fs::Metadata) -> StatData {
    let ms = |s: i64, ns: i64| s as f64 * 1000.0 + ns as f64 / 1e6;
    let birth = m
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_else(|| ms(m.ctime(), m.ctime_nsec()));
    StatData([
        m.dev() as f64,
        m.mode() as f64,
        m.nlink() as f64,
        m.uid() as f64,
        m.gid() as f64,
        m.rdev() as f64,
        m.blksize() as f64,
        m.ino() as f64,
        m.size() as f64,
        m.blocks() as f64,
        ms(m.atime(), m.atime_nsec()),
        ms(m.mtime(), m.mtime_nsec()),
        ms(m.ctime(), m.ctime_nsec()),
        birth,
    ])
}

/// libuv's dirent types: unknown 0, file 1, dir 2, link 3, fifo 4, socket 5, char 6, block 7.
fn dirent_type(t: std::fs::FileType) -> u8 {
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() {
        1
    } else if t.is_dir() {
        2
    } else if t.is_symlink() {
        3
    } else if t.is_fifo() {
        4
    } else if t.is_socket() {
        5
    } else if t.is_char_device() {
        6
    } else if t.is_block_device() {
        7
    } else {
        0
    }
}

/// What an operation gives back.
#[derive(Debug)]
pub enum Out {
    Undefined,
    Bool(bool),
    Int(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// Bytes decoded with an encoding.
    Text(Vec<u8>, Encoding),
    Stat(StatData),
    /// Directory entries: (name, type).
    Entries(Vec<(String, u8)>),
    /// `mkdir` with `recursive`: the first directory created.
    MaybeStr(Option<String>),
    /// A read into a caller's buffer: the bytes read (copied in on the interpreter thread).
    ReadInto(Vec<u8>),
    /// A child process that ran to completion (`child_process.spawn`).
    Child(crate::child_process::ChildOut),
    /// A finished `zlib` job.
    Zlib(Result<Vec<u8>, crate::zlib::ZlibError>),
    /// Plain numbers (`statfs`: type, bsize, frsize, blocks, bfree, bavail, files, ffree).
    Numbers(Vec<f64>),
}

/// A text encoding of Node's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Latin1,
    Ascii,
    Utf16le,
    Base64,
    Base64Url,
    Hex,
}

impl Encoding {
    pub fn parse(s: &str) -> Option<Encoding> {
        Some(match s.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "latin1" | "binary" => Encoding::Latin1,
            "ascii" => Encoding::Ascii,
            "utf16le" | "utf-16le" | "ucs2" | "ucs-2" => Encoding::Utf16le,
            "base64" => Encoding::Base64,
            "base64url" => Encoding::Base64Url,
            "hex" => Encoding::Hex,
            _ => return None,
        })
    }
}

/// Bytes as a string in `enc` (invalid UTF-8 becomes U+FFFD, as in V8).
pub fn decode(bytes: &[u8], enc: Encoding) -> JsStr {
    match enc {
        Encoding::Utf8 => {
            JsStr::from_units(String::from_utf8_lossy(bytes).encode_utf16().collect())
        }
        Encoding::Latin1 => JsStr::from_units(bytes.iter().map(|&b| u16::from(b)).collect()),
        Encoding::Ascii => JsStr::from_units(bytes.iter().map(|&b| u16::from(b & 0x7f)).collect()),
        Encoding::Utf16le => JsStr::from_units(
            bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect(),
        ),
        Encoding::Base64 => JsStr::intern(&crate::base64::encode(bytes)),
        Encoding::Base64Url => {
            let s = crate::base64::encode(bytes);
            let s: String = s
                .trim_end_matches('=')
                .chars()
                .map(|c| match c {
                    '+' => '-',
                    '/' => '_',
                    c => c,
                })
                .collect();
            JsStr::intern(&s)
        }
        Encoding::Hex => {
            let mut s = String::with_capacity(bytes.len() * 2);
            for b in bytes {
                s.push_str(&format!("{b:02x}"));
            }
            JsStr::intern(&s)
        }
    }
}

/// A string's bytes in `enc`.
pub fn encode(s: &JsStr, enc: Encoding) -> Vec<u8> {
    let units = s.units();
    match enc {
        Encoding::Utf8 => String::from_utf16_lossy(units).into_bytes(),
        Encoding::Latin1 | Encoding::Ascii => units.iter().map(|&u| u as u8).collect(),
        Encoding::Utf16le => units.iter().flat_map(|u| u.to_le_bytes()).collect(),
        Encoding::Base64 | Encoding::Base64Url => {
            let mapped: Vec<u16> = units
                .iter()
                .map(|&u| match u {
                    0x2d => u16::from(b'+'),
                    0x5f => u16::from(b'/'),
                    u => u,
                })
                .filter(|&u| u != u16::from(b'='))
                .collect();
            let mut padded = mapped;
            while !padded.len().is_multiple_of(4) {
                padded.push(u16::from(b'='));
            }
            crate::base64::decode(&padded).unwrap_or_default()
        }
        Encoding::Hex => {
            let s = String::from_utf16_lossy(units);
            let b = s.as_bytes();
            let mut out = Vec::with_capacity(b.len() / 2);
            for pair in b.chunks_exact(2) {
                let Ok(t) = std::str::from_utf8(pair) else {
                    break;
                };
                let Ok(v) = u8::from_str_radix(t, 16) else {
                    break;
                };
                out.push(v);
            }
            out
        }
    }
}

/// One file-system operation with its arguments.
#[derive(Debug)]
pub enum Op {
    Open {
        path: String,
        flags: i32,
        mode: u32,
    },
    Close {
        fd: i32,
    },
    Read {
        fd: i32,
        len: usize,
        position: i64,
    },
    Write {
        fd: i32,
        data: Vec<u8>,
        position: i64,
    },
    ReadFile {
        path: String,
        flags: i32,
        enc: Option<Encoding>,
    },
    ReadFd {
        fd: i32,
        enc: Option<Encoding>,
    },
    WriteFile {
        path: String,
        data: Vec<u8>,
        flags: i32,
        mode: u32,
    },
    Stat {
        path: String,
        follow: bool,
    },
    Fstat {
        fd: i32,
    },
    Readdir {
        path: String,
    },
    Mkdir {
        path: String,
        recursive: bool,
        mode: u32,
    },
    Rmdir {
        path: String,
    },
    Unlink {
        path: String,
    },
    Rm {
        path: String,
        recursive: bool,
        force: bool,
    },
    Rename {
        from: String,
        to: String,
    },
    CopyFile {
        from: String,
        to: String,
        excl: bool,
    },
    Access {
        path: String,
        mode: i32,
    },
    Exists {
        path: String,
    },
    Realpath {
        path: String,
    },
    Mkdtemp {
        prefix: String,
    },
    Truncate {
        path: String,
        len: u64,
    },
    Ftruncate {
        fd: i32,
        len: u64,
    },
    Symlink {
        target: String,
        path: String,
    },
    Readlink {
        path: String,
    },
    Chmod {
        path: String,
        mode: u32,
    },
    Fsync {
        fd: i32,
    },
    Fdatasync {
        fd: i32,
    },
    Fchmod {
        fd: i32,
        mode: u32,
    },
    Link {
        existing: String,
        path: String,
    },
    /// `utimes` / `lutimes` (follow: false): times in seconds.
    Utimes {
        path: String,
        atime: f64,
        mtime: f64,
        follow: bool,
    },
    Futimes {
        fd: i32,
        atime: f64,
        mtime: f64,
    },
    /// `chown` / `lchown` (follow: false).
    Chown {
        path: String,
        uid: u32,
        gid: u32,
        follow: bool,
    },
    Fchown {
        fd: i32,
        uid: u32,
        gid: u32,
    },
    /// `statfs(2)` of the file system holding `path`.
    Statfs {
        path: String,
    },
}

impl Op {
    /// Whether the call finishes soon (see [`crate::io`]): anything but a read or write of a
    /// descriptor that is not a regular file (stdin, a pipe, a terminal), or an open or
    /// whole-file read of a FIFO, device or socket, which may wait.
    pub fn is_quick(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        match self {
            Op::Read { fd, .. } | Op::ReadFd { fd, .. } | Op::Write { fd, .. } => {
                with_fd(*fd, |f| f.metadata().is_ok_and(|m| m.is_file())).unwrap_or(true)
            }
            Op::Open { path, .. } | Op::ReadFile { path, .. } | Op::WriteFile { path, .. } => {
                !std::fs::metadata(path).is_ok_and(|m| {
                    let t = m.file_type();
                    t.is_fifo() || t.is_char_device() || t.is_socket()
                })
            }
            _ => true,
        }
    }
}

/// A `timespec` from seconds (fractions kept to the nanosecond, as libuv does).
fn timespec(secs: f64) -> libc::timespec {
    let whole = secs.floor();
    libc::timespec {
        tv_sec: whole as libc::time_t,
        tv_nsec: ((secs - whole) * 1e9) as libc::c_long,
    }
}

fn c_path(path: &str, syscall: &'static str) -> Result<std::ffi::CString, FsError> {
    std::ffi::CString::new(path).map_err(|_| FsError::new(libc::EINVAL, syscall, path))
}

/// The errno of the last failed libc call.
fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

fn open_options(flags: i32, mode: u32) -> std::fs::OpenOptions {
    let mut o = std::fs::OpenOptions::new();
    match flags & libc::O_ACCMODE {
        libc::O_WRONLY => o.write(true),
        libc::O_RDWR => o.read(true).write(true),
        _ => o.read(true),
    };
    if flags & libc::O_APPEND != 0 {
        o.append(true);
    }
    if flags & libc::O_CREAT != 0 {
        if flags & libc::O_EXCL != 0 {
            o.create_new(true);
        } else {
            o.create(true);
        }
    }
    if flags & libc::O_TRUNC != 0 {
        o.truncate(true);
    }
    let rest =
        flags & !(libc::O_ACCMODE | libc::O_APPEND | libc::O_CREAT | libc::O_EXCL | libc::O_TRUNC);
    o.custom_flags(rest | libc::O_CLOEXEC);
    o.mode(mode);
    o
}

fn register_fd(file: std::fs::File) -> i32 {
    let fd = file.into_raw_fd();
    if let Ok(mut s) = open_fds().lock() {
        s.insert(fd);
    }
    fd
}

fn read_to_end_fd(fd: i32) -> Result<Vec<u8>, FsError> {
    with_fd(fd, |mut f| {
        let mut v = Vec::new();
        f.read_to_end(&mut v).map(|_| v)
    })
    .ok_or_else(|| ebadf("read"))?
    .map_err(|e| FsError::fd(e, "read"))
}

fn rm_recursive(path: &str) -> Result<(), FsError> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| FsError::io(e, "lstat", path))?;
    if meta.is_dir() {
        std::fs::remove_dir_all(path).map_err(|e| FsError::io(e, "rm", path))
    } else {
        std::fs::remove_file(path).map_err(|e| FsError::io(e, "rm", path))
    }
}

fn random_suffix() -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        ^ (std::process::id() as u64).rotate_left(32);
    (0..6)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            CHARS[(seed % CHARS.len() as u64) as usize] as char
        })
        .collect()
}

impl Op {
    /// Runs the operation (on any thread).
    pub fn run(self) -> Result<Out, FsError> {
        use std::fs;
        match self {
            Op::Open { path, flags, mode } => open_options(flags, mode)
                .open(&path)
                .map(|f| Out::Int(register_fd(f) as f64))
                .map_err(|e| FsError::io(e, "open", &path)),
            Op::Close { fd } => {
                let known = open_fds().lock().is_ok_and(|mut s| s.remove(&fd));
                if !known {
                    return Err(ebadf("close"));
                }
                // SAFETY: the descriptor was opened by `fs` and is closed exactly once (it
                // was just removed from the set of open descriptors).
                drop(unsafe { fs::File::from_raw_fd(fd) });
                Ok(Out::Undefined)
            }
            Op::Read { fd, len, position } => {
                let mut buf = vec![0u8; len];
                let n = with_fd(fd, |mut f| {
                    if position >= 0 {
                        f.read_at(&mut buf, position as u64)
                    } else {
                        f.read(&mut buf)
                    }
                })
                .ok_or_else(|| ebadf("read"))?
                .map_err(|e| FsError::fd(e, "read"))?;
                buf.truncate(n);
                Ok(Out::ReadInto(buf))
            }
            Op::Write { fd, data, position } => {
                let n = with_fd(fd, |mut f| {
                    if position >= 0 {
                        f.write_all_at(&data, position as u64).map(|_| data.len())
                    } else {
                        f.write_all(&data).map(|_| data.len())
                    }
                })
                .ok_or_else(|| ebadf("write"))?
                .map_err(|e| FsError::fd(e, "write"))?;
                Ok(Out::Int(n as f64))
            }
            Op::ReadFile { path, flags, enc } => {
                let mut f = open_options(flags, 0o666)
                    .open(&path)
                    .map_err(|e| FsError::io(e, "open", &path))?;
                if f.metadata().is_ok_and(|m| m.is_dir()) {
                    return Err(FsError {
                        errno: libc::EISDIR,
                        syscall: "read",
                        path: None,
                        dest: None,
                    });
                }
                let mut v = Vec::new();
                f.read_to_end(&mut v).map_err(|e| FsError::fd(e, "read"))?;
                Ok(match enc {
                    Some(e) => Out::Text(v, e),
                    None => Out::Bytes(v),
                })
            }
            Op::ReadFd { fd, enc } => {
                let v = read_to_end_fd(fd)?;
                Ok(match enc {
                    Some(e) => Out::Text(v, e),
                    None => Out::Bytes(v),
                })
            }
            Op::WriteFile {
                path,
                data,
                flags,
                mode,
            } => {
                let mut f = open_options(flags, mode)
                    .open(&path)
                    .map_err(|e| FsError::io(e, "open", &path))?;
                f.write_all(&data).map_err(|e| FsError::fd(e, "write"))?;
                Ok(Out::Undefined)
            }
            Op::Stat { path, follow } => {
                let m = if follow {
                    fs::metadata(&path).map_err(|e| FsError::io(e, "stat", &path))?
                } else {
                    fs::symlink_metadata(&path).map_err(|e| FsError::io(e, "lstat", &path))?
                };
                Ok(Out::Stat(stat_data(&m)))
            }
            Op::Statfs { path } => {
                let c = c_path(&path, "statfs")?;
                // SAFETY: `c` is a NUL-terminated path and `buf` a zeroed statfs that the
                // call fills in; nothing is read from it unless the call succeeded.
                let mut buf: libc::statfs = unsafe { std::mem::zeroed() };
                if unsafe { libc::statfs(c.as_ptr(), &mut buf) } != 0 {
                    return Err(FsError::new(last_errno(), "statfs", &path));
                }
                Ok(Out::Numbers(vec![
                    buf.f_type as f64,
                    buf.f_bsize as f64,
                    buf.f_frsize as f64,
                    buf.f_blocks as f64,
                    buf.f_bfree as f64,
                    buf.f_bavail as f64,
                    buf.f_files as f64,
                    buf.f_ffree as f64,
                ]))
            }
            Op::Fstat { fd } => {
                let m = with_fd(fd, |f| f.metadata())
                    .ok_or_else(|| ebadf("fstat"))?
                    .map_err(|e| FsError::fd(e, "fstat"))?;
                Ok(Out::Stat(stat_data(&m)))
            }
            Op::Readdir { path } => {
                let rd = fs::read_dir(&path).map_err(|e| FsError::io(e, "scandir", &path))?;
                let mut v = Vec::new();
                for e in rd {
                    let e = e.map_err(|e| FsError::io(e, "scandir", &path))?;
                    let ty = e.file_type().map(dirent_type).unwrap_or(0);
                    v.push((e.file_name().to_string_lossy().into_owned(), ty));
                }
                // libuv's scandir sorts the names (strcmp).
                v.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
                Ok(Out::Entries(v))
            }
            Op::Mkdir {
                path,
                recursive,
                mode,
            } => {
                if recursive {
                    // The first directory that did not exist.
                    let mut first = None;
                    let mut p = std::path::PathBuf::new();
                    for c in std::path::Path::new(&path).components() {
                        p.push(c);
                        match fs::metadata(&p) {
                            Ok(m) if m.is_dir() => {}
                            Ok(_) => {
                                return Err(FsError::new(libc::EEXIST, "mkdir", &path));
                            }
                            Err(_) => {
                                fs::DirBuilder::new()
                                    .mode(mode)
                                    .create(&p)
                                    .or_else(|e| {
                                        if e.kind() == std::io::ErrorKind::AlreadyExists {
                                            Ok(())
                                        } else {
                                            Err(e)
                                        }
                                    })
                                    .map_err(|e| FsError::io(e, "mkdir", &path))?;
                                if first.is_none() {
                                    first = Some(p.to_string_lossy().into_owned());
                                }
                            }
                        }
                    }
                    Ok(Out::MaybeStr(first))
                } else {
                    fs::DirBuilder::new()
                        .mode(mode)
                        .create(&path)
                        .map_err(|e| FsError::io(e, "mkdir", &path))?;
                    Ok(Out::Undefined)
                }
            }
            Op::Rmdir { path } => fs::remove_dir(&path)
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::io(e, "rmdir", &path)),
            Op::Unlink { path } => fs::remove_file(&path)
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::io(e, "unlink", &path)),
            Op::Rm {
                path,
                recursive,
                force,
            } => {
                let r = match fs::symlink_metadata(&path) {
                    Err(e) => Err(FsError::io(e, "lstat", &path)),
                    Ok(m) if m.is_dir() && !recursive => {
                        // Node: SystemError [ERR_FS_EISDIR]; reported as EISDIR here.
                        Err(FsError::new(libc::EISDIR, "rm", &path))
                    }
                    Ok(_) => rm_recursive(&path),
                };
                match r {
                    Err(e) if force && e.errno == libc::ENOENT => Ok(Out::Undefined),
                    r => r.map(|_| Out::Undefined),
                }
            }
            Op::Rename { from, to } => fs::rename(&from, &to)
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::io(e, "rename", &from).with_dest(&to)),
            Op::CopyFile { from, to, excl } => {
                if excl && fs::symlink_metadata(&to).is_ok() {
                    return Err(FsError::new(libc::EEXIST, "copyfile", &from).with_dest(&to));
                }
                fs::copy(&from, &to)
                    .map(|_| Out::Undefined)
                    .map_err(|e| FsError::io(e, "copyfile", &from).with_dest(&to))
            }
            Op::Access { path, mode } => {
                let c = std::ffi::CString::new(path.as_bytes())
                    .map_err(|_| FsError::new(libc::EINVAL, "access", &path))?;
                // SAFETY: `c` is a valid NUL-terminated string for the duration of the call.
                let r = unsafe { libc::access(c.as_ptr(), mode) };
                if r == 0 {
                    Ok(Out::Undefined)
                } else {
                    Err(FsError::io(
                        std::io::Error::last_os_error(),
                        "access",
                        &path,
                    ))
                }
            }
            Op::Exists { path } => Ok(Out::Bool(fs::metadata(&path).is_ok())),
            Op::Realpath { path } => fs::canonicalize(&path)
                .map(|p| Out::Str(p.to_string_lossy().into_owned()))
                .map_err(|e| FsError::io(e, "realpath", &path)),
            Op::Mkdtemp { prefix } => {
                for _ in 0..100 {
                    let p = format!("{prefix}{}", random_suffix());
                    match fs::DirBuilder::new().mode(0o700).create(&p) {
                        Ok(()) => return Ok(Out::Str(p)),
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                        Err(e) => {
                            return Err(FsError::io(e, "mkdtemp", &format!("{prefix}XXXXXX")))
                        }
                    }
                }
                Err(FsError::new(
                    libc::EEXIST,
                    "mkdtemp",
                    &format!("{prefix}XXXXXX"),
                ))
            }
            Op::Truncate { path, len } => fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_len(len))
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::io(e, "open", &path)),
            Op::Ftruncate { fd, len } => with_fd(fd, |f| f.set_len(len))
                .ok_or_else(|| ebadf("ftruncate"))?
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::fd(e, "ftruncate")),
            Op::Symlink { target, path } => std::os::unix::fs::symlink(&target, &path)
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::io(e, "symlink", &target).with_dest(&path)),
            Op::Readlink { path } => fs::read_link(&path)
                .map(|p| Out::Str(p.to_string_lossy().into_owned()))
                .map_err(|e| FsError::io(e, "readlink", &path)),
            Op::Chmod { path, mode } => {
                fs::set_permissions(&path, fs::Permissions::from_mode(mode))
                    .map(|_| Out::Undefined)
                    .map_err(|e| FsError::io(e, "chmod", &path))
            }
            Op::Fsync { fd } => with_fd(fd, |f| f.sync_all())
                .ok_or_else(|| ebadf("fsync"))?
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::fd(e, "fsync")),
            Op::Fdatasync { fd } => with_fd(fd, |f| f.sync_data())
                .ok_or_else(|| ebadf("fdatasync"))?
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::fd(e, "fdatasync")),
            Op::Fchmod { fd, mode } => {
                with_fd(fd, |f| f.set_permissions(fs::Permissions::from_mode(mode)))
                    .ok_or_else(|| ebadf("fchmod"))?
                    .map(|_| Out::Undefined)
                    .map_err(|e| FsError::fd(e, "fchmod"))
            }
            Op::Link { existing, path } => fs::hard_link(&existing, &path)
                .map(|_| Out::Undefined)
                .map_err(|e| FsError::io(e, "link", &existing).with_dest(&path)),
            Op::Utimes {
                path,
                atime,
                mtime,
                follow,
            } => {
                let syscall = if follow { "utime" } else { "lutime" };
                let c = c_path(&path, syscall)?;
                let times = [timespec(atime), timespec(mtime)];
                let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
                // SAFETY: `c` is a NUL-terminated path and `times` holds two timespecs.
                let r =
                    unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), flags) };
                if r != 0 {
                    return Err(FsError::new(last_errno(), syscall, &path));
                }
                Ok(Out::Undefined)
            }
            Op::Futimes { fd, atime, mtime } => {
                if !fd_known(fd) {
                    return Err(ebadf("futime"));
                }
                let times = [timespec(atime), timespec(mtime)];
                // SAFETY: `fd` is open (checked above) and `times` holds two timespecs.
                let r = unsafe { libc::futimens(fd, times.as_ptr()) };
                if r != 0 {
                    return Err(FsError {
                        errno: last_errno(),
                        syscall: "futime",
                        path: None,
                        dest: None,
                    });
                }
                Ok(Out::Undefined)
            }
            Op::Chown {
                path,
                uid,
                gid,
                follow,
            } => {
                let r = if follow {
                    std::os::unix::fs::chown(&path, Some(uid), Some(gid))
                } else {
                    std::os::unix::fs::lchown(&path, Some(uid), Some(gid))
                };
                r.map(|_| Out::Undefined)
                    .map_err(|e| FsError::io(e, if follow { "chown" } else { "lchown" }, &path))
            }
            Op::Fchown { fd, uid, gid } => {
                with_fd(fd, |f| std::os::unix::fs::fchown(f, Some(uid), Some(gid)))
                    .ok_or_else(|| ebadf("fchown"))?
                    .map(|_| Out::Undefined)
                    .map_err(|e| FsError::fd(e, "fchown"))
            }
        }
    }
}

// ---- JavaScript side -----------------------------------------------------------------------

/// A fresh `Uint8Array` over `bytes`.
pub fn new_uint8_array(it: &mut Interp, bytes: Vec<u8>) -> Obj {
    let len = bytes.len();
    let buffer = Obj::new(
        Some(it.intrinsics.array_buffer_prototype.clone()),
        ObjectKind::ArrayBuffer(Box::new(ArrayBufferData::new(bytes, None, false))),
    );
    let proto = typed_array_prototype_of(&it.intrinsics, ElementType::Uint8);
    it.make_typed_array(
        proto,
        TypedArrayData {
            ty: ElementType::Uint8,
            buffer,
            byte_offset: 0,
            array_length: Some(len),
        },
    )
}

/// The bytes a typed array (or DataView-less view) shows, if `v` is one.
pub fn view_bytes(v: &Value) -> Option<Vec<u8>> {
    let Value::Object(o) = v else { return None };
    let ta = typed_array_data(o)?;
    let start = ta.byte_offset;
    let len = ta.byte_length();
    jsgen_engine::builtins::array_buffer::read_buffer(&ta.buffer, |b| {
        b.bytes()
            .and_then(|d| d.get(start..start + len).map(|s| s.to_vec()))
    })
    .flatten()
}

/// Copies `bytes` into the typed array `v` at byte `offset`.
fn write_into_view(v: &Value, offset: usize, bytes: &[u8]) {
    let Value::Object(o) = v else { return };
    let Some(ta) = typed_array_data(o) else {
        return;
    };
    let start = ta.byte_offset + offset;
    let room = ta.byte_length().saturating_sub(offset);
    let n = bytes.len().min(room);
    let mut b = ta.buffer.borrow_mut();
    if let ObjectKind::ArrayBuffer(ab) = &mut b.kind {
        if let Some(mut data) = ab.bytes_mut() {
            if let Some(dst) = data.get_mut(start..start + n) {
                dst.copy_from_slice(&bytes[..n]);
            }
        }
    }
}

/// The JavaScript value of an operation's result.
pub fn out_to_js(it: &mut Interp, out: Out) -> JsResult<Value> {
    Ok(match out {
        Out::Undefined => Value::Undefined,
        Out::Bool(b) => Value::Bool(b),
        Out::Int(n) => Value::Number(n),
        Out::Str(s) => Value::from(s.as_str()),
        Out::Bytes(b) | Out::ReadInto(b) => Value::Object(new_uint8_array(it, b)),
        Out::Text(b, enc) => Value::String(decode(&b, enc)),
        Out::Stat(s) => {
            let v = s.0.iter().map(|&n| Value::Number(n)).collect();
            Value::Object(it.new_array(v))
        }
        Out::Entries(list) => {
            let v = list
                .into_iter()
                .map(|(name, ty)| {
                    let pair =
                        it.new_array(vec![Value::from(name.as_str()), Value::from(ty as u32)]);
                    Value::Object(pair)
                })
                .collect();
            Value::Object(it.new_array(v))
        }
        Out::MaybeStr(s) => s.map_or(Value::Undefined, |s| Value::from(s.as_str())),
        Out::Child(c) => crate::child_process::child_to_js(it, c),
        Out::Zlib(r) => crate::zlib::result_to_js(it, r),
        Out::Numbers(v) => {
            let v = v.into_iter().map(Value::Number).collect();
            Value::Object(it.new_array(v))
        }
    })
}

fn arg_string(it: &mut Interp, a: &Args, i: usize) -> JsResult<String> {
    Ok(it.to_string(&a.get(i))?.to_rust_string())
}

fn arg_int(it: &mut Interp, a: &Args, i: usize) -> JsResult<i64> {
    let n = it.to_number(&a.get(i))?;
    Ok(if n.is_finite() { n as i64 } else { -1 })
}

fn arg_bytes(it: &mut Interp, v: &Value, enc: Option<Encoding>) -> JsResult<Vec<u8>> {
    if let Some(b) = view_bytes(v) {
        return Ok(b);
    }
    let s = it.to_string(v)?;
    Ok(encode(&s, enc.unwrap_or(Encoding::Utf8)))
}

fn arg_encoding(it: &mut Interp, v: &Value) -> JsResult<Option<Encoding>> {
    match v {
        Value::Undefined | Value::Null => Ok(None),
        v => {
            let s = it.to_string(v)?.to_rust_string();
            if s == "buffer" {
                return Ok(None);
            }
            match Encoding::parse(&s) {
                Some(e) => Ok(Some(e)),
                None => {
                    let p = it.intrinsics.type_error_prototype.clone();
                    Err(Abrupt::Throw(crate::process::node_error(
                        it,
                        &p,
                        "ERR_INVALID_ARG_VALUE",
                        &format!("The argument 'encoding' is invalid encoding. Received '{s}'"),
                    )))
                }
            }
        }
    }
}

fn write_flags(flags: i32) -> bool {
    flags & (libc::O_WRONLY | libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC | libc::O_APPEND) != 0
}

/// Builds an operation from `binding.fs*(name, ...args)`, checking permissions.
fn parse_op(it: &mut Interp, name: &str, a: &Args, base: usize) -> JsResult<Op> {
    let s = |it: &mut Interp, i: usize| arg_string(it, a, base + i);
    let n = |it: &mut Interp, i: usize| arg_int(it, a, base + i);
    // Seconds with their fraction (utimes).
    let secs = |it: &mut Interp, i: usize| it.to_number(&a.get(base + i));
    let op = match name {
        "open" => {
            let path = s(it, 0)?;
            let flags = n(it, 1)? as i32;
            // As Node: a write-only open needs write access only.
            if flags & libc::O_ACCMODE != libc::O_WRONLY {
                check_fs_read(it, &path)?;
            }
            if write_flags(flags) {
                check_fs_write(it, &path)?;
            }
            Op::Open {
                path,
                flags,
                mode: n(it, 2)? as u32,
            }
        }
        "close" => Op::Close {
            fd: n(it, 0)? as i32,
        },
        "read" => Op::Read {
            fd: n(it, 0)? as i32,
            len: n(it, 1)?.clamp(0, 1 << 30) as usize,
            position: n(it, 2)?,
        },
        "write" => {
            let enc = arg_encoding(it, &a.get(base + 3))?;
            let data = arg_bytes(it, &a.get(base + 1), enc)?;
            Op::Write {
                fd: n(it, 0)? as i32,
                data,
                position: n(it, 2)?,
            }
        }
        "readFile" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            let flags = n(it, 1)? as i32;
            if write_flags(flags) {
                check_fs_write(it, &path)?;
            }
            let enc = arg_encoding(it, &a.get(base + 2))?;
            Op::ReadFile { path, flags, enc }
        }
        "readFd" => {
            let enc = arg_encoding(it, &a.get(base + 1))?;
            Op::ReadFd {
                fd: n(it, 0)? as i32,
                enc,
            }
        }
        "writeFile" => {
            let path = s(it, 0)?;
            check_fs_write(it, &path)?;
            let enc = arg_encoding(it, &a.get(base + 4))?;
            let data = arg_bytes(it, &a.get(base + 1), enc)?;
            Op::WriteFile {
                path,
                data,
                flags: n(it, 2)? as i32,
                mode: n(it, 3)? as u32,
            }
        }
        "stat" | "lstat" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            Op::Stat {
                path,
                follow: name == "stat",
            }
        }
        "statfs" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            Op::Statfs { path }
        }
        "fstat" => Op::Fstat {
            fd: n(it, 0)? as i32,
        },
        "readdir" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            Op::Readdir { path }
        }
        "mkdir" => {
            let path = s(it, 0)?;
            check_fs_write(it, &path)?;
            Op::Mkdir {
                path,
                recursive: a.get(base + 1).to_boolean(),
                mode: n(it, 2)? as u32,
            }
        }
        "rmdir" | "unlink" => {
            let path = s(it, 0)?;
            check_fs_write(it, &path)?;
            if name == "rmdir" {
                Op::Rmdir { path }
            } else {
                Op::Unlink { path }
            }
        }
        "rm" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            check_fs_write(it, &path)?;
            Op::Rm {
                path,
                recursive: a.get(base + 1).to_boolean(),
                force: a.get(base + 2).to_boolean(),
            }
        }
        "rename" => {
            let (from, to) = (s(it, 0)?, s(it, 1)?);
            check_fs_read(it, &from)?;
            check_fs_write(it, &from)?;
            check_fs_write(it, &to)?;
            Op::Rename { from, to }
        }
        "copyFile" => {
            let (from, to) = (s(it, 0)?, s(it, 1)?);
            check_fs_read(it, &from)?;
            check_fs_write(it, &to)?;
            let mode = n(it, 2)?;
            Op::CopyFile {
                from,
                to,
                excl: mode & 1 != 0,
            }
        }
        "access" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            let mode = n(it, 1)? as i32;
            if mode & libc::W_OK != 0 {
                check_fs_write(it, &path)?;
            }
            Op::Access { path, mode }
        }
        "exists" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            Op::Exists { path }
        }
        "realpath" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            Op::Realpath { path }
        }
        "mkdtemp" => {
            let prefix = s(it, 0)?;
            check_fs_write(it, format!("{prefix}XXXXXX"))?;
            Op::Mkdtemp { prefix }
        }
        "truncate" => {
            let path = s(it, 0)?;
            check_fs_write(it, &path)?;
            Op::Truncate {
                path,
                len: n(it, 1)?.max(0) as u64,
            }
        }
        "ftruncate" => Op::Ftruncate {
            fd: n(it, 0)? as i32,
            len: n(it, 1)?.max(0) as u64,
        },
        "symlink" => {
            let (target, path) = (s(it, 0)?, s(it, 1)?);
            check_fs_read(it, &target)?;
            check_fs_write(it, &path)?;
            Op::Symlink { target, path }
        }
        "readlink" => {
            let path = s(it, 0)?;
            check_fs_read(it, &path)?;
            Op::Readlink { path }
        }
        "chmod" => {
            let path = s(it, 0)?;
            check_fs_write(it, &path)?;
            Op::Chmod {
                path,
                mode: n(it, 1)? as u32,
            }
        }
        "fsync" => Op::Fsync {
            fd: n(it, 0)? as i32,
        },
        "fdatasync" => Op::Fdatasync {
            fd: n(it, 0)? as i32,
        },
        "fchmod" => Op::Fchmod {
            fd: n(it, 0)? as i32,
            mode: n(it, 1)? as u32,
        },
        "link" => {
            let (existing, path) = (s(it, 0)?, s(it, 1)?);
            check_fs_read(it, &existing)?;
            check_fs_write(it, &path)?;
            Op::Link { existing, path }
        }
        "utimes" | "lutimes" => {
            let path = s(it, 0)?;
            check_fs_write(it, &path)?;
            Op::Utimes {
                path,
                atime: secs(it, 1)?,
                mtime: secs(it, 2)?,
                follow: name == "utimes",
            }
        }
        "futimes" => Op::Futimes {
            fd: n(it, 0)? as i32,
            atime: secs(it, 1)?,
            mtime: secs(it, 2)?,
        },
        "chown" | "lchown" => {
            let path = s(it, 0)?;
            check_fs_write(it, &path)?;
            Op::Chown {
                path,
                uid: n(it, 1)? as u32,
                gid: n(it, 2)? as u32,
                follow: name == "chown",
            }
        }
        "fchown" => Op::Fchown {
            fd: n(it, 0)? as i32,
            uid: n(it, 1)? as u32,
            gid: n(it, 2)? as u32,
        },
        _ => return Err(it.plain_error(format!("internal error: no fs operation {name}"))),
    };
    Ok(op)
}

/// Writes to fd 1 and 2 go through the console's output path (`--max-output`).
fn console_write(it: &mut Interp, op: &Op) -> Option<Out> {
    if let Op::Write { fd, data, .. } = op {
        if *fd == 1 || *fd == 2 {
            let s = String::from_utf8_lossy(data);
            if *fd == 1 {
                it.node_mut().console.write_out(&s);
            } else {
                it.node_mut().console.write_err(&s);
            }
            return Some(Out::Int(data.len() as f64));
        }
    }
    None
}

/// `binding.fsSync(name, ...args)`: runs the operation now; throws Node's error.
fn fs_sync(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let name = arg_string(it, a, 0)?;
    let op = parse_op(it, &name, a, 1)?;
    if let Some(out) = console_write(it, &op) {
        return out_to_js(it, out);
    }
    match op.run() {
        Ok(out) => out_to_js(it, out),
        Err(e) => Err(Abrupt::Throw(fs_error(it, &e))),
    }
}

/// `binding.fsAsync(callback, name, ...args)`: runs the operation on the I/O pool; the
/// callback gets `(err, value)` in a later poll phase (a permission or argument error: on the
/// next tick). Returns the request id (for `binding.ioRef`).
fn fs_async(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let cb = a.get(0);
    let name = arg_string(it, a, 1)?;
    let op = match parse_op(it, &name, a, 2) {
        Ok(op) => op,
        Err(Abrupt::Throw(e)) => {
            it.queue_tick(cb, vec![e]);
            return Ok(Value::Number(0.0));
        }
        Err(other) => return Err(other),
    };
    if let Some(out) = console_write(it, &op) {
        let v = out_to_js(it, out)?;
        it.queue_tick(cb, vec![Value::Null, v]);
        return Ok(Value::Number(0.0));
    }
    let id = if op.is_quick() {
        crate::io::submit(it, cb, Box::new(move || op.run()))
    } else {
        crate::io::submit_slow(it, cb, Box::new(move || op.run()))
    };
    Ok(Value::Number(id as f64))
}

/// Installs the `fs` natives on the core modules' `binding`.
pub fn install(it: &mut Interp, b: &Obj) {
    // Natives leave no frame of their own in stack traces, as Node's C++ bindings.
    let sync = it.define_method_obj(b, "fsSync", 1, fs_sync);
    it.mark_frameless(&sync);
    let not_sync = it.define_method_obj(b, "fsAsync", 2, fs_async);
    it.mark_frameless(&not_sync);
    it.define_method(b, "ioRef", 2, |it, a| {
        let id = it.to_number(&a.get(0))? as u64;
        let refed = a.get(1).to_boolean();
        it.node_mut().io.set_ref(id, refed);
        Ok(Value::Undefined)
    });
    // readInto(view, offset, bytes): copies bytes a read returned into the caller's buffer.
    it.define_method(b, "copyInto", 3, |it, a| {
        let offset = it.to_number(&a.get(1))?.max(0.0) as usize;
        if let Some(bytes) = view_bytes(&a.get(2)) {
            write_into_view(&a.get(0), offset, &bytes);
            return Ok(Value::from(bytes.len() as f64));
        }
        Ok(Value::from(0))
    });
    it.define_method(b, "stdinIsTTY", 0, |_, _| {
        use std::io::IsTerminal;
        Ok(Value::Bool(std::io::stdin().is_terminal()))
    });
    // `--sandbox`: no process.stdin unless it is piped (or a file).
    it.define_method(b, "stdinAllowed", 0, |it, _| {
        use std::io::IsTerminal;
        Ok(Value::Bool(
            !it.node().permission.sandbox || !std::io::stdin().is_terminal(),
        ))
    });
    it.define_method(b, "decode", 2, |it, a| {
        let enc = arg_encoding(it, &a.get(1))?.unwrap_or(Encoding::Utf8);
        let bytes = view_bytes(&a.get(0)).unwrap_or_default();
        Ok(Value::String(decode(&bytes, enc)))
    });
    it.define_method(b, "encode", 2, |it, a| {
        let enc = arg_encoding(it, &a.get(1))?;
        let s = it.to_string(&a.get(0))?;
        let bytes = encode(&s, enc.unwrap_or(Encoding::Utf8));
        Ok(Value::Object(new_uint8_array(it, bytes)))
    });
    // The length of the longest prefix of `view` that is complete UTF-8 (for the string
    // decoder of streams: a character split across chunks waits for its last bytes).
    it.define_method(b, "utf8CompleteLength", 1, |_, a| {
        let bytes = view_bytes(&a.get(0)).unwrap_or_default();
        Ok(Value::from(utf8_complete_len(&bytes) as f64))
    });
    it.define_method(b, "concatBytes", 1, |it, a| {
        let Value::Object(list) = a.get(0) else {
            return Ok(Value::Undefined);
        };
        let len = it.get(&list, &"length".into())?;
        let len = it.to_number(&len)? as usize;
        let mut out = Vec::new();
        for i in 0..len {
            let v = it.get(&list, &jsgen_engine::object::PropKey::Index(i as u32))?;
            if let Some(b) = view_bytes(&v) {
                out.extend_from_slice(&b);
            }
        }
        Ok(Value::Object(new_uint8_array(it, out)))
    });
}

/// The longest prefix of `b` not ending inside a multi-byte UTF-8 sequence.
fn utf8_complete_len(b: &[u8]) -> usize {
    let n = b.len();
    // Look back at most 3 bytes for the start of the last sequence.
    for back in 1..=3.min(n) {
        let c = b[n - back];
        if c & 0xC0 == 0x80 {
            continue;
        }
        let need = if c >= 0xF0 {
            4
        } else if c >= 0xE0 {
            3
        } else if c >= 0xC0 {
            2
        } else {
            1
        };
        return if need > back { n - back } else { n };
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_prefix() {
        assert_eq!(utf8_complete_len(b"abc"), 3);
        assert_eq!(utf8_complete_len(&[0x61, 0xE2, 0x82]), 1);
        assert_eq!(utf8_complete_len(&[0xE2, 0x82, 0xAC]), 3);
        assert_eq!(utf8_complete_len(&[0xF0, 0x9F]), 0);
    }

    #[test]
    fn errors_read_as_libuv() {
        let e = Op::Stat {
            path: "/nonexistent-jsgen".into(),
            follow: true,
        }
        .run()
        .unwrap_err();
        assert_eq!(errno_text(e.errno), ("ENOENT", "no such file or directory"));
        assert_eq!(e.syscall, "stat");
    }

    #[test]
    fn encodings_round_trip() {
        let s = JsStr::intern("héllo");
        for enc in [
            Encoding::Utf8,
            Encoding::Base64,
            Encoding::Hex,
            Encoding::Utf16le,
        ] {
            assert_eq!(decode(&encode(&s, Encoding::Utf8), Encoding::Utf8), s);
            let bytes = encode(&s, Encoding::Utf8);
            assert_eq!(encode(&decode(&bytes, enc), enc), bytes);
        }
    }
}
