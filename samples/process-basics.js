// process.stdout.write, process.exitCode, 'beforeExit' and 'exit' listeners.
process.stdout.write('Loading');
for (let i = 0; i < 3; i++) process.stdout.write('.');
process.stdout.write('\n');
console.log(process.stdout.write(''), typeof process.nextTick, typeof process.hrtime.bigint());
console.log(process.argv.length >= 2, typeof process.argv[0], process.argv[1].endsWith('process-basics.js'));
console.log(typeof process.env, typeof process.pid, typeof process.uptime(), process.platform);
console.log(process.version.startsWith('v'), typeof process.versions.node, typeof process.memoryUsage().rss);
const [s, ns] = process.hrtime();
console.log(Number.isInteger(s), Number.isInteger(ns), process.hrtime([s, ns])[0] >= 0);

let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, 'round', ++rounds);
  if (rounds < 2) setTimeout(() => console.log('more work from beforeExit'), 10);
});
process.once('exit', (code) => {
  console.log('exit listener, code', code);
  setTimeout(() => console.log('never printed: the loop is over'), 0);
});
process.on('exit', function (code) {
  console.log('second exit listener', code, this === process);
});
setTimeout(() => {
  console.log('timer sets exitCode');
  process.exitCode = 3;
}, 100);
