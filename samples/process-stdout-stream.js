// process.stdout and process.stderr are Writable streams: their EventEmitter and Writable
// members work before any script loads node:stream (jsgen loads it on the first such read).
console.log(typeof process.stdout.once, process.stdout.writable, process.stdout.writableLength);
const ok = process.stdout.write('written\n');
console.log('write returned', ok);
process.stdout.once('custom', (a) => console.log('custom event', a));
console.log(process.stdout.emit('custom', 42), process.stdout.listenerCount('custom'));
process.stdout.on('error', () => {});
console.log(typeof process.stderr.on, process.stderr.fd, process.stdout.fd);
const d = Object.getOwnPropertyDescriptor(process, 'stdout');
console.log(d.get.name, typeof d.set, d.enumerable, d.configurable, process.stdout === process.stdout);
const { Writable, Readable, pipeline } = require('stream');
console.log(process.stdout instanceof Writable, process.stderr instanceof Writable);
console.log(process.stdout.write('done\n', () => console.log('write callback')));
Readable.from(['piped 1\n', 'piped 2\n']).pipe(process.stdout);
