// child_process under the permission model: every way to start a child is refused with
// ERR_ACCESS_DENIED (permission 'ChildProcess') unless --allow-child-process is given.
const cp = require('node:child_process');
console.log('has child', process.permission.has('child'));
for (const [name, f] of [
  ['execSync', () => cp.execSync('echo SECRET')],
  ['spawnSync', () => cp.spawnSync('echo', ['SECRET'])],
  ['execFileSync', () => cp.execFileSync('echo', ['SECRET'])],
  ['spawn', () => cp.spawn('echo', ['SECRET'])],
  ['exec', () => cp.exec('echo SECRET', () => {})],
]) {
  try {
    const r = f();
    console.log(name, 'ran', r && r.stdout ? r.stdout.toString() : String(r));
  } catch (e) {
    console.log(name, e.name, e.code, e.permission, e.resource, e.message);
  }
}
