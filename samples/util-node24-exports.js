// require('util') as Node 24 has it: every key in Node's order with its descriptor, and the
// small functions that came with the list.
const util = require('util');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
for (const k of Reflect.ownKeys(util)) {
  const d = Object.getOwnPropertyDescriptor(util, k);
  console.log(k, 'value' in d ? typeof d.value : 'accessor', d.enumerable, d.writable, d.configurable);
}

// The deprecated ones warn once each (DEP0044, DEP0060) and are named `deprecated`.
console.log(util.isArray([]), util.isArray({}), util.isArray.name, util.isArray.length);
console.log(util._extend({ a: 1 }, { b: 2 }), util._extend({ a: 1 }, null), util._extend.name);

// convertProcessSignalToExitCode: 128 + the signal's number.
console.log(util.convertProcessSignalToExitCode('SIGINT'), util.convertProcessSignalToExitCode('SIGKILL'),
  util.convertProcessSignalToExitCode('SIGTERM'));
for (const v of ['SIGNOPE', 2, undefined]) {
  try {
    util.convertProcessSignalToExitCode(v);
  } catch (e) {
    console.log(e.code, e.message.slice(0, 60), '...', e.message.slice(-20));
  }
}

// _errnoException / _exceptionWithHostPort: Node's system errors from a libuv errno.
const e1 = util._errnoException(-2, 'open');
const e2 = util._errnoException(-13, 'write', 'extra');
const e3 = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 8080);
const e4 = util._exceptionWithHostPort(-98, 'listen', '::', 0, 'local');
for (const e of [e1, e2, e3, e4]) {
  console.log(e.message, e.name, e.errno, e.code, e.syscall, e.address, e.port,
    e instanceof Error, e.constructor === Error, Object.keys(e));
}
try {
  util._errnoException(5, 'open');
} catch (e) {
  console.log(e.code, e.message);
}

// markPromiseAsHandled: no unhandled rejection for that promise.
util.markPromiseAsHandled(Promise.reject(new Error('quiet')));
try {
  util.markPromiseAsHandled({ then() {} });
} catch (e) {
  console.log(e.code, e.message);
}

// isDeepStrictEqual's third argument skips the prototype check.
class A { constructor() { this.x = 1; } }
console.log(util.isDeepStrictEqual(new A(), { x: 1 }), util.isDeepStrictEqual(new A(), { x: 1 }, true),
  util.isDeepStrictEqual([new A()], [{ x: 1 }], true), util.isDeepStrictEqual({ x: 1 }, { x: 2 }, true));

// callbackify: the name gets 'Callbackified' and the length one more, as in Node 24.
async function fetchThing(a, b) { return a + b; }
const cbified = util.callbackify(fetchThing);
console.log(cbified.name, cbified.length);
cbified(1, 2, (err, v) => console.log('callbackified', err, v));

// deprecate with a code, without one, and { modifyPrototype: false }.
function Old(x) { this.x = x; }
Old.prototype.get = function () { return this.x; };
const Dep = util.deprecate(Old, 'Old is old', 'DEP_X');
console.log(new Dep(3).get(), new Dep(4) instanceof Old, Dep.length, Dep.prototype === Old.prototype);
const plain = util.deprecate(function f(a, b, c) { return 'plain'; }, 'no code');
console.log(plain(), plain.length, Object.getPrototypeOf(plain) !== Function.prototype);
const bare = util.deprecate(function g(a, b) { return 'bare'; }, 'bare one', 'DEP_Y', { modifyPrototype: false });
console.log(bare(), bare.length, Object.getPrototypeOf(bare) === Function.prototype, bare.prototype === undefined);
try {
  util.deprecate(() => {}, 'm', 42);
} catch (e) {
  console.log(e.code, e.message);
}

// transferableAbortSignal/Controller give back usable signals; aborted is a getter too.
const ac = util.transferableAbortController();
const sig = util.transferableAbortSignal(new AbortController().signal);
console.log(ac instanceof AbortController, ac.signal.aborted, sig instanceof AbortSignal);
try {
  util.transferableAbortSignal({});
} catch (e) {
  console.log(e.code, e.message);
}
util.aborted(ac.signal, {}).then(() => console.log('aborted resolved'));
ac.abort();
// setTraceSigInt turns the SIGINT watchdog on and off (tests/cli.rs sends the signal).
util.setTraceSigInt(true);
util.setTraceSigInt(false);
console.log(util.setTraceSigInt.name, util.setTraceSigInt.length);
console.log(util.toUSVString('a\ud800b'), util.toUSVString.name, util.isDeepStrictEqual.name);
