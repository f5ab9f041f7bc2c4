// `process` is an EventEmitter: its prototype is `process.constructor.prototype`, which
// inherits from EventEmitter.prototype.
const EventEmitter = require('events');
console.log(process instanceof EventEmitter, process.constructor.name, typeof process.on);
console.log(require('util').inspect(process, { depth: -1 }), Object.prototype.toString.call(process));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(process)));
process.on('exit', (c) => console.log('exit', c));
console.log(process.listenerCount('exit'), process.emit('custom', 1), process.eventNames().includes('exit'));
// process.stdout and process.stderr too, before and after node:stream makes them Writables.
console.log(process.stdout instanceof EventEmitter, process.stderr instanceof EventEmitter);
process.stdout.on('finish', () => {});
console.log(process.stdout instanceof require('stream').Writable, process.stdout.listenerCount('finish'));
