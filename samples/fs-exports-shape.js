// The shape of require('fs') as Node 24 has it: every key in Node's order, the stream
// classes as getter/setter pairs (made on first use), `promises` a getter, `constants` a
// non-configurable value, F_OK..X_OK non-enumerable getters warning once (DEP0176); and the
// small functions that come with the list: writev/writevSync, readv/readvSync,
// mkdtempDisposableSync, _toUnixTimestamp.
const fs = require('fs');
const os = require('os');
const path = require('path');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
for (const k of ['ReadStream', 'WriteStream', 'FileReadStream', 'FileWriteStream', 'promises',
  'constants', 'F_OK', 'R_OK', 'W_OK', 'X_OK', 'lchmod', 'writev', 'Dir']) {
  const d = Object.getOwnPropertyDescriptor(fs, k);
  console.log(k, typeof d.get, d.get && d.get.name, typeof d.set, d.set && d.set.name,
    'value' in d, d.writable, d.enumerable, d.configurable);
}
// Node 24 also has Utf8Stream.
const missing = new Set(['Utf8Stream']);
console.log(Object.keys(fs).filter((k) => !missing.has(k)).join());
console.log(Object.getOwnPropertyNames(fs).filter((k) => !Object.keys(fs).includes(k) && k !== '_jsgen').join());
console.log(fs.promises === require('fs/promises'), fs.constants.O_RDONLY, fs.constants === fs.constants);
console.log(fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK, fs.F_OK);
fs.F_OK = 9;
console.log(fs.F_OK, delete fs.constants, typeof fs.constants);

try { fs.writevSync(1, 'x'); } catch (e) { console.log(e.code, e.message); }
try { fs.readvSync(1, [1]); } catch (e) { console.log(e.code, e.message); }
const dir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'fsx-'));
console.log(Object.keys(dir).join(), typeof dir[Symbol.dispose], fs.existsSync(dir.path));
const file = path.join(dir.path, 'v.txt');
const fd = fs.openSync(file, 'w+');
console.log('writevSync', fs.writevSync(fd, [Buffer.from('hello '), new Uint8Array([119, 111]), Buffer.from('rld')]));
const a = Buffer.alloc(4);
const b = Buffer.alloc(3);
const c = Buffer.alloc(10);
console.log('readvSync', fs.readvSync(fd, [a, b, c], 0), a.toString(), b.toString(), JSON.stringify(c.toString()));
console.log('empty', fs.writevSync(fd, []));
// readv with no buffers is libuv's EINVAL: thrown, or given to the callback at once.
try {
  fs.readvSync(fd, []);
} catch (e) {
  console.log(e.code, e.errno, e.syscall, e.message);
}
try {
  fs.readvSync(fd, [], 0);
} catch (e) {
  console.log(e.code, e.message);
}
fs.readv(fd, [], (err, n, bufs) => console.log('readv []', err.code, err.message, n, bufs));
console.log('after readv []');
console.log(fs._toUnixTimestamp(new Date(1500)), fs._toUnixTimestamp(2), fs.lchmod, fs.lchmodSync);
fs.writev(fd, [Buffer.from('!'), Buffer.from('?')], 11, (err, n, bufs) => {
  console.log('writev', err, n, bufs.length);
  fs.readv(fd, [Buffer.alloc(5), Buffer.alloc(5), Buffer.alloc(5)], 2, (err, n, bufs) => {
    console.log('readv', err, n, bufs.map(String));
    fs.closeSync(fd);
    dir.remove();
    console.log('removed', fs.existsSync(dir.path));
  });
});
