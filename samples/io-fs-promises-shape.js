// node:fs/promises is fs.promises, made on first read of the getter (Node's
// internal/fs/promises): its keys in Node 24's order,
// mkdtempDisposable, and lchmod rejecting off macOS.
const fs = require('fs');
const os = require('os');
const path = require('path');
const fsp = require('fs/promises');
console.log(fsp === fs.promises, fs.promises === fs.promises);
console.log(Object.keys(fsp).join());
(async () => {
  const d = await fsp.mkdtempDisposable(path.join(os.tmpdir(), 'pmx-'));
  console.log(Object.keys(d).join(), typeof d[Symbol.asyncDispose], fs.existsSync(d.path));
  await fsp.writeFile(path.join(d.path, 'f'), 'x');
  await d.remove();
  console.log(fs.existsSync(d.path));
  try { await fsp.lchmod(os.tmpdir(), 0o777); } catch (e) { console.log(e.name, e.code, e.message); }
  console.log(fsp.lchmod.length, fsp.mkdtempDisposable.length);
  const fh = await fsp.open(__filename);
  console.log(fh.constructor.name, Object.getPrototypeOf(Object.getPrototypeOf(fh)) === require('events').prototype);
  await fh.close();
})();
