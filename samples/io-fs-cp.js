// fs.cp / cpSync / promises.cp: files, directories (recursive), symlinks (resolved or
// verbatim), filter, force/errorOnExist, missing parents, and every check's error as Node
// words it (SystemErrors for the asynchronous form, the C++ checks' errors for cpSync).
const fs = require('fs'); const os = require('os'); const p = require('path');
const d = fs.mkdtempSync(p.join(os.tmpdir(), 'cpx-'));
const show = (label, e) => console.log(label, e.name, e.code, e.message.replaceAll(d, 'D'), e.errno, e.syscall, e.path && e.path.replaceAll(d, 'D'), e.info ? JSON.stringify(e.info).replaceAll(d, 'D') : '-');
fs.mkdirSync(d + '/a/sub', { recursive: true }); fs.writeFileSync(d + '/a/f.txt', 'x'); fs.writeFileSync(d + '/a/sub/g.txt', 'y'); fs.writeFileSync(d + '/file', 'z');
fs.symlinkSync('f.txt', d + '/a/link');
const cases = [
  ['dir no recursive', d + '/a', d + '/b', {}],
  ['into self', d + '/a', d + '/a/sub/x', { recursive: true }],
  ['same', d + '/file', d + '/file', {}],
  ['dir to file', d + '/a', d + '/file', { recursive: true }],
  ['file to dir', d + '/file', d + '/a', {}],
  ['missing src', d + '/nope', d + '/x', {}],
  ['exists errorOnExist', d + '/file', d + '/a/f.txt', { force: false, errorOnExist: true }],
];
for (const [label, s, t, o] of cases) { try { fs.cpSync(s, t, o); console.log(label, 'ok'); } catch (e) { show('sync ' + label, e); } }
(async () => {
  for (const [label, s, t, o] of cases) { try { await fs.promises.cp(s, t, o); console.log(label, 'ok'); } catch (e) { show('async ' + label, e); } }
  fs.cpSync(d + '/a', d + '/copy', { recursive: true });
  console.log(fs.readdirSync(d + '/copy').sort(), fs.readFileSync(d + '/copy/sub/g.txt', 'utf8'), fs.readlinkSync(d + '/copy/link').replaceAll(d, 'D'));
  await fs.promises.cp(d + '/a', d + '/copy2', { recursive: true, filter: (s) => !s.endsWith('g.txt') });
  console.log(fs.readdirSync(d + '/copy2/sub'), fs.readdirSync(d + '/copy2').sort());
  fs.cpSync(d + '/a', d + '/copy3', { recursive: true, verbatimSymlinks: true });
  console.log(fs.readlinkSync(d + '/copy3/link'));
  fs.writeFileSync(d + '/file2', 'new'); fs.cpSync(d + '/file2', d + '/file'); console.log(fs.readFileSync(d + '/file', 'utf8'));
  fs.writeFileSync(d + '/file3', 'newer'); fs.cpSync(d + '/file3', d + '/file', { force: false }); console.log(fs.readFileSync(d + '/file', 'utf8'));
  fs.cpSync(d + '/file', d + '/deep/er/file'); console.log(fs.readFileSync(d + '/deep/er/file', 'utf8'));
  fs.cp(d + '/a', d + '/copy4', { recursive: true }, (err) => { console.log('cb', err, fs.readdirSync(d + '/copy4').sort()); fs.rmSync(d, { recursive: true }); });
})();
