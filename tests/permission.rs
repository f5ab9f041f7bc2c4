//! End-to-end tests of the permission model: `--sandbox` denies every route to the file
//! system with Node's `ERR_ACCESS_DENIED` (reading nothing, writing nothing), empties
//! `process.env`, and `--permission --allow-fs-read=DIR` allows exactly that directory, as
//! the reference Node 24 does with `--permission`.

use std::path::PathBuf;
use std::process::{Command, Stdio};

fn jsgen(args: &[&str], stdin: Option<&str>) -> (String, String, i32) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_jsgen"));
    c.args(args).env("JSGEN_PERMISSION_TEST", "visible");
    let o = match stdin {
        Some(text) => {
            use std::io::Write;
            let mut child = c
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("run jsgen");
            if let Some(mut i) = child.stdin.take() {
                let _ = i.write_all(text.as_bytes());
            }
            child.wait_with_output().expect("run jsgen")
        }
        None => c.stdin(Stdio::null()).output().expect("run jsgen"),
    };
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code().unwrap_or(-1),
    )
}

/// A fresh directory with `data/in.txt` (and nothing else).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jsgen-perm-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).expect("mkdir");
    std::fs::write(dir.join("data/in.txt"), "secret\n").expect("write");
    dir
}

/// Every fs route, sync, callback, promise and stream, each reporting its outcome.
const ROUTES: &str = r#"
const fs = require('fs');
const D = process.argv[1];
const f = D + '/data/in.txt', w = D + '/out.txt';
const show = (name) => (e) => console.log(name, e ? `${e.code} ${e.permission} ${e.resource === f || e.resource === w || e.resource === D + '/data' || e.resource === D + '/newdir' || e.resource === D ? 'ok' : e.resource}` : 'allowed');
const sync = (name, fn) => { try { fn(); show(name)(null); } catch (e) { show(name)(e); } };
sync('readFileSync', () => fs.readFileSync(f));
sync('writeFileSync', () => fs.writeFileSync(w, 'x'));
sync('appendFileSync', () => fs.appendFileSync(w, 'x'));
sync('readdirSync', () => fs.readdirSync(D + '/data'));
sync('statSync', () => fs.statSync(f));
sync('openSync', () => fs.openSync(f));
sync('existsSync', () => fs.existsSync(f));
sync('mkdirSync', () => fs.mkdirSync(D + '/newdir'));
sync('unlinkSync', () => fs.unlinkSync(f));
sync('renameSync', () => fs.renameSync(f, w));
sync('copyFileSync', () => fs.copyFileSync(f, w));
sync('rmSync', () => fs.rmSync(f));
sync('opendirSync', () => fs.opendirSync(D + '/data'));
sync('chdir', () => process.chdir(D));
fs.readFile(f, show('readFile'));
fs.writeFile(w, 'x', show('writeFile'));
fs.promises.readFile(f).then(() => show('promises.readFile')(null), show('promises.readFile'));
fs.promises.writeFile(w, 'x').then(() => show('promises.writeFile')(null), show('promises.writeFile'));
fs.promises.opendir(D + '/data').then(() => show('promises.opendir')(null), show('promises.opendir'));
fs.createReadStream(f).on('error', show('createReadStream')).on('open', () => show('createReadStream')(null));
fs.createWriteStream(w).on('error', show('createWriteStream')).on('open', () => show('createWriteStream')(null));
console.log('env', Object.keys(process.env).length, process.env.JSGEN_PERMISSION_TEST);
"#;

#[test]
fn sandbox_denies_every_fs_route_and_the_environment() {
    let dir = scratch("sandbox");
    let d = dir.to_string_lossy().into_owned();
    let (out, err, code) = jsgen(&["--sandbox", "-e", ROUTES, &d], None);
    assert_eq!(code, 0, "stderr: {err}");
    let mut lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("readFileSync ERR_ACCESS_DENIED FileSystemRead ok")
    );
    assert!(lines.contains(&"env 0 undefined"), "{out}");
    lines.retain(|l| !l.starts_with("env "));
    assert_eq!(lines.len(), 21, "{out}");
    for l in &lines {
        assert!(l.contains("ERR_ACCESS_DENIED"), "not denied: {l}\n{out}");
    }
    for (route, kind) in [
        ("writeFileSync", "FileSystemWrite"),
        ("mkdirSync", "FileSystemWrite"),
        ("statSync", "FileSystemRead"),
        ("chdir", "FileSystemRead"),
        ("promises.readFile", "FileSystemRead"),
        ("createWriteStream", "FileSystemWrite"),
        ("createReadStream", "FileSystemRead"),
        ("rmSync", "FileSystemRead"),
        ("renameSync", "FileSystemRead"),
    ] {
        assert!(
            lines.contains(&format!("{route} ERR_ACCESS_DENIED {kind} ok").as_str()),
            "{route}: {out}"
        );
    }
    // Nothing was written, moved or removed.
    assert!(!dir.join("out.txt").exists());
    assert!(!dir.join("newdir").exists());
    assert_eq!(
        std::fs::read_to_string(dir.join("data/in.txt")).unwrap_or_default(),
        "secret\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sandbox_error_reads_as_nodes_permission_error() {
    let (out, _, code) = jsgen(
        &[
            "--sandbox",
            "-e",
            "try { require('fs').readFileSync('/etc/hostname') } catch (e) { console.log(e.message); console.log(Object.keys(e), e.code, e.permission, e.resource) }",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Access to this API has been restricted. Use --allow-fs-read to manage permissions.\n\
         [ 'code', 'permission', 'resource' ] ERR_ACCESS_DENIED FileSystemRead /etc/hostname\n"
    );
}

#[test]
fn sandbox_reads_piped_stdin() {
    let (out, _, code) = jsgen(
        &[
            "--sandbox",
            "-e",
            "(async () => { let s = ''; process.stdin.setEncoding('utf8'); for await (const c of process.stdin) s += c; console.log(JSON.stringify(s)); })()",
        ],
        Some("piped\n"),
    );
    assert_eq!(code, 0);
    assert_eq!(out, "\"piped\\n\"\n");
}

#[test]
fn default_run_sees_the_environment() {
    let (out, _, _) = jsgen(
        &["-e", "console.log(process.env.JSGEN_PERMISSION_TEST)"],
        None,
    );
    assert_eq!(out, "visible\n");
}

#[test]
fn allow_fs_read_allows_exactly_that_directory() {
    let dir = scratch("allow");
    std::fs::write(dir.join("outside.txt"), "no\n").expect("write");
    let d = dir.to_string_lossy().into_owned();
    let data = dir.join("data").to_string_lossy().into_owned();
    let code = r#"
const fs = require('fs');
const D = process.argv[1];
const t = (name, fn) => { try { console.log(name, JSON.stringify(fn())); } catch (e) { console.log(name, e.code, e.permission, e.resource.slice(D.length)); } };
t('inside', () => fs.readFileSync(D + '/data/in.txt', 'utf8'));
t('listing', () => fs.readdirSync(D + '/data'));
t('dotdot', () => fs.readFileSync(D + '/data/../outside.txt', 'utf8'));
t('outside', () => fs.readFileSync(D + '/outside.txt', 'utf8'));
t('parent', () => fs.readdirSync(D));
t('write', () => fs.writeFileSync(D + '/data/new.txt', 'x'));
console.log(process.permission.has('fs.read', D + '/data/x'), process.permission.has('fs.read', D), process.permission.has('fs.write'));
"#;
    let allow = format!("--allow-fs-read={data}");
    for mode in ["--permission", "--sandbox"] {
        let (out, err, status) = jsgen(&[mode, &allow, "-e", code, &d], None);
        assert_eq!(status, 0, "{err}");
        assert_eq!(
            out,
            "inside \"secret\\n\"\n\
             listing [\"in.txt\"]\n\
             dotdot ERR_ACCESS_DENIED FileSystemRead /data/../outside.txt\n\
             outside ERR_ACCESS_DENIED FileSystemRead /outside.txt\n\
             parent ERR_ACCESS_DENIED FileSystemRead \n\
             write ERR_ACCESS_DENIED FileSystemWrite /data/new.txt\n\
             true false false\n",
            "{mode}"
        );
    }
    assert!(!dir.join("data/new.txt").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn allow_fs_write_grants_writing_there() {
    let dir = scratch("write");
    let d = dir.to_string_lossy().into_owned();
    let allow_w = format!("--allow-fs-write={d}/data");
    let allow_r = format!("--allow-fs-read={d}/data");
    let (out, err, code) = jsgen(
        &[
            "--permission",
            &allow_r,
            &allow_w,
            "-e",
            "const fs = require('fs'); const p = process.argv[1] + '/data/new.txt'; fs.writeFileSync(p, 'made'); console.log(fs.readFileSync(p, 'utf8'))",
            &d,
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "made\n");
    let _ = std::fs::remove_dir_all(&dir);
}
