// fs: utimes/lutimes/futimes (numbers, numeric strings, Dates), link, chown/lchown/fchown with
// their validation, fchmod, fdatasync; callback, sync, promise and FileHandle forms.
const fs = require('fs'); const path = require('path'); const os = require('os');
const d = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgen-fsx-'));
const f = path.join(d, 'a.txt'); fs.writeFileSync(f, 'hi');
fs.utimesSync(f, 1000, new Date(2000000)); let st = fs.statSync(f); console.log(st.atimeMs, st.mtimeMs);
fs.utimesSync(f, '1500', 2500.5); st = fs.statSync(f); console.log(st.atimeMs, st.mtimeMs);
try { fs.utimesSync(f, {}, 1); } catch (e) { console.log(e.code, e.message); }
try { fs.utimesSync(path.join(d, 'nope'), 1, 1); } catch (e) { console.log(e.code, e.syscall, e.message.replace(d, 'D')); }
fs.linkSync(f, path.join(d, 'b.txt')); console.log(fs.readFileSync(path.join(d, 'b.txt'), 'utf8'), fs.statSync(f).nlink);
try { fs.linkSync(f, path.join(d, 'b.txt')); } catch (e) { console.log(e.code, e.message.replaceAll(d, 'D')); }
fs.chownSync(f, process.getuid(), process.getgid()); console.log('chown ok');
try { fs.chownSync(f, -2, 0); } catch (e) { console.log(e.code, e.message); }
try { fs.chownSync(f, 'x', 0); } catch (e) { console.log(e.code, e.message); }
const fd = fs.openSync(f, 'r+'); fs.fchmodSync(fd, 0o600); fs.futimesSync(fd, 10, 20); fs.fdatasyncSync(fd); fs.fchownSync(fd, process.getuid(), process.getgid()); fs.closeSync(fd);
st = fs.statSync(f); console.log((st.mode & 0o777).toString(8), st.atimeMs, st.mtimeMs);
try { fs.futimesSync(99999, 1, 1); } catch (e) { console.log(e.code, e.syscall, e.message); }
fs.symlinkSync(f, path.join(d, 'ln')); fs.lutimesSync(path.join(d, 'ln'), 5, 6); console.log(fs.lstatSync(path.join(d, 'ln')).mtimeMs, fs.statSync(f).mtimeMs);
(async () => {
  await fs.promises.utimes(f, 7, 8); console.log(fs.statSync(f).mtimeMs);
  await fs.promises.link(f, path.join(d, 'c.txt')); await fs.promises.chown(f, process.getuid(), process.getgid()); await fs.promises.lchown(path.join(d, 'ln'), process.getuid(), process.getgid());
  const h = await fs.promises.open(f, 'r+'); await h.chmod(0o644); await h.utimes(11, 12); await h.datasync(); await h.chown(process.getuid(), process.getgid()); await h.close();
  st = fs.statSync(f); console.log((st.mode & 0o777).toString(8), st.mtimeMs);
  fs.utimes(f, 1, 2, (err) => { console.log('cb', err, fs.statSync(f).mtimeMs);
    fs.link(f, path.join(d, 'd.txt'), (err) => { console.log('link cb', err);
      fs.chown(f, process.getuid(), process.getgid(), (err) => { console.log('chown cb', err); fs.rmSync(d, { recursive: true }); }); }); });
})();
