// events: captureRejections (option, static default, the rejection symbol), addAbortListener,
// EventEmitterAsyncResource with AsyncLocalStorage, the module's keys and attributes;
// assert.doesNotMatch.
const { EventEmitter, addAbortListener, captureRejectionSymbol } = require('events');
const assert = require('assert');
const e = new EventEmitter({ captureRejections: true });
e.on('x', async (v) => { throw new Error('boom ' + v); });
e.on('error', (err) => console.log('error event:', err.message));
e.emit('x', 1);
class My extends EventEmitter { [captureRejectionSymbol](err, type, ...args) { console.log('rejection hook', err.message, type, args); } }
const m = new My({ captureRejections: true }); m.on('y', async () => { throw new Error('m'); }); m.emit('y', 2, 3);
const plain = new EventEmitter(); plain.on('z', async () => 1); console.log(plain.emit('z'));
console.log(EventEmitter.captureRejections);
try { new EventEmitter({ captureRejections: 1 }); } catch (err) { console.log(err.code, err.message); }
const ac = new AbortController();
const d = addAbortListener(ac.signal, () => console.log('aborted listener'));
console.log(typeof d[Symbol.dispose]);
ac.abort();
const ac2 = new AbortController(); ac2.abort();
addAbortListener(ac2.signal, () => console.log('already aborted (microtask)'));
console.log('sync end');
try { assert.doesNotMatch('abc', /b/); } catch (err) { console.log(err.message, err.operator, err.generatedMessage); }
assert.doesNotMatch('abc', /x/);
try { assert.doesNotMatch(1, /x/); } catch (err) { console.log(err.message); }
console.log(Object.keys(require('events')));
const { EventEmitterAsyncResource } = require("events");
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
let ee;
als.run('ctx-1', () => { ee = new EventEmitterAsyncResource({ name: 'X' }); });
ee.on('ping', () => console.log('store in listener:', als.getStore()));
als.run('ctx-2', () => ee.emit('ping'));
console.log(ee instanceof EventEmitter, typeof ee.asyncId, ee.asyncResource.eventEmitter === ee);
try { new EventEmitterAsyncResource({}); } catch (e) { console.log(e.code); }
for (const k of Object.keys(require('events'))) { const d = Object.getOwnPropertyDescriptor(require('events'), k); console.log(k, d.writable, d.enumerable, d.configurable, 'get' in d); }
