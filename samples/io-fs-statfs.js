// fs.statfs / fs.statfsSync / fs.promises.statfs: the file system's StatFs (sizes and
// counts change from run to run, so only their shape and relations are printed).
const fs = require('fs');
const os = require('os');
const describe = (s) => [s.constructor.name, Object.keys(s).join(),
  Object.values(s).every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0),
  s.bsize > 0, s.bfree <= s.blocks, s.bavail <= s.bfree, s.ffree <= s.files].join(' ');

console.log(describe(fs.statfsSync('/')));
console.log(describe(fs.statfsSync(os.tmpdir(), {})));
console.log(describe(fs.statfsSync(Buffer.from('/'))), describe(fs.statfsSync(new URL('file:///'))));
const big = fs.statfsSync('/', { bigint: true });
console.log(Object.values(big).map((v) => typeof v).join(), big.bsize > 0n);
const same = fs.statfsSync(__filename);
console.log(same.type === fs.statfsSync(__filename).type, same.bsize === fs.statfsSync(__filename).bsize);

for (const [what, fn] of [
  ['missing', () => fs.statfsSync('/no/such/dir')],
  ['not a dir', () => fs.statfsSync('/dev/null/x')],
  ['number', () => fs.statfsSync(1)],
  ['null byte', () => fs.statfsSync('/tmp\u0000x')],
  ['no callback', () => fs.statfs('/')],
  ['bad callback', () => fs.statfs('/', {}, 'cb')],
]) {
  try {
    fn();
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.code, e.message, e.syscall, e.errno);
  }
}

fs.statfs('/', (err, s) => {
  console.log('callback', err, describe(s));
  fs.statfs('/', { bigint: true }, (err, s) => {
    console.log('callback bigint', err, typeof s.blocks);
    fs.statfs('/nope', (err, s) => {
      console.log('callback error', err.code, err.message, s);
      fs.promises.statfs('/').then((s) => {
        console.log('promise', describe(s));
        return fs.promises.statfs('/nope');
      }).catch((e) => console.log('promise error', e.code, e.message));
    });
  });
});
