// child_process: the synchronous and the callback/event forms, exit codes, stdin input,
// errors for a failing command and a missing executable.
const cp = require('node:child_process');
const util = require('node:util');

console.log(Object.keys(cp));
console.log(cp.execSync('echo hello; echo "$0" >/dev/null').toString());
console.log(cp.execSync('tr a-z A-Z', { input: 'shout\n', encoding: 'utf8' }));
console.log(cp.execFileSync('sh', ['-c', 'printf "%s|" "$@"', 'x', 'a b', 'c'], { encoding: 'utf8' }));
try {
  cp.execSync('echo to-stdout; exit 3', { stdio: 'pipe' });
} catch (e) {
  console.log(Object.keys(e), e.message, e.status, e.signal, e.stdout.toString());
}
const r = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 2']);
console.log(r.status, r.signal, r.stdout.toString(), r.stderr.toString(), r.output.length);
const killed = cp.spawnSync('sh', ['-c', 'kill -TERM $$']);
console.log('killed', killed.status, killed.signal);
const missing = cp.spawnSync('no-such-command-jsgen', ['a']);
console.log(missing.error.message, missing.error.code, missing.error.errno, missing.error.syscall,
  missing.error.path, missing.error.spawnargs, missing.status);

const child = cp.spawn('sh', ['-c', 'cat; echo done >&2; exit 4']);
const events = [];
child.on('spawn', () => events.push('spawn'));
child.stdout.on('data', (d) => events.push(`stdout ${JSON.stringify(d.toString())}`));
child.stderr.on('data', (d) => events.push(`stderr ${JSON.stringify(d.toString())}`));
child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
child.on('close', (code, signal) => {
  events.push(`close ${code} ${signal}`);
  console.log(events.sort());
  cp.exec('echo via-exec; exit 1', (err, stdout, stderr) => {
    console.log('exec', err.message, err.code, err.killed, err.signal, err.cmd, JSON.stringify(stdout), stderr);
    cp.execFile('echo', ['file', 'args'], (err2, out) => {
      console.log('execFile', err2, out);
      util.promisify(cp.exec)('echo promised').then(({ stdout, stderr }) => {
        console.log('promisified', JSON.stringify(stdout), JSON.stringify(stderr));
        const bad = cp.spawn('no-such-command-jsgen');
        bad.on('error', (e) => console.log('spawn error', e.message, e.code));
        bad.on('close', (code) => console.log('spawn close', code));
      });
    });
  });
});
child.stdin.write('piped ');
child.stdin.end('input\n');
