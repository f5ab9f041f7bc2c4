// Node 24 details of everyday globals: Error.stackTraceLimit, console's own methods.
Error.stackTraceLimit = 0;
console.log(new Error('no frames'));
console.log(JSON.stringify(new Error('header only').stack));
Error.stackTraceLimit = 2;
function a() { return b(); }
function b() { return new Error('two frames').stack.split('\n').length; }
console.log(a());
Error.stackTraceLimit = 'not a number';
console.log(new Error('nothing captured').stack);
Error.stackTraceLimit = 10;
console.log(Object.keys(console));
console.log(typeof console.context().log, console.createTask('t').run(() => 42));
const lines = [];
const { EventEmitter } = require('events');
const sink = Object.assign(new EventEmitter(), { write(s) { lines.push(s); return true; } });
const mine = new console.Console(sink);
mine.log('to %s', 'a stream', { n: 1 });
mine.error('errors too');
console.log(lines);

// The global object as Node shows it: its enumerable globals in Node's order, the
// `[Getter]`s it does not run, and its `Symbol.toStringTag` ('global').
console.log(globalThis);
console.log(Object.keys(globalThis).join(' '), String(globalThis));
console.log(Object.getOwnPropertyDescriptor(setTimeout, require('util').promisify.custom));
