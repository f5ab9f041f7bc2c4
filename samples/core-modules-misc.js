// diagnostics_channel, stream/consumers, vm (this realm), worker_threads (main thread), v8.
const dc = require('node:diagnostics_channel');
const consumers = require('node:stream/consumers');
const vm = require('node:vm');
const wt = require('node:worker_threads');
const v8 = require('node:v8');
const { Readable } = require('node:stream');
const { AsyncLocalStorage } = require('node:async_hooks');

console.log(Object.keys(dc));
const ch = dc.channel('my-channel');
console.log(ch, ch.hasSubscribers, dc.hasSubscribers('my-channel'), ch instanceof dc.Channel);
const onMessage = (msg, name) => console.log('received', msg, name);
dc.subscribe('my-channel', onMessage);
console.log(ch.hasSubscribers, dc.channel('my-channel') === ch, ch instanceof dc.Channel);
ch.publish({ some: 'data' });
console.log(dc.unsubscribe('my-channel', onMessage), dc.unsubscribe('my-channel', onMessage), ch.hasSubscribers);
ch.publish('nobody hears this');

const als = new AsyncLocalStorage();
const bound = dc.channel('bound');
bound.bindStore(als, (data) => ({ wrapped: data }));
bound.runStores('ctx', () => console.log('in runStores', als.getStore()));

const tc = dc.tracingChannel('op');
console.log(tc, tc.hasSubscribers);
tc.subscribe({
  start: (c) => console.log('start', c),
  end: (c) => console.log('end', Object.keys(c), c.result),
  asyncStart: (c) => console.log('asyncStart', c),
  asyncEnd: (c) => console.log('asyncEnd', c),
  error: (c) => console.log('error', c.error.message),
});
console.log(tc.traceSync((a, b) => a + b, { op: 'add' }, null, 2, 3));
try { tc.traceSync(() => { throw new Error('boom'); }, { op: 'throw' }); } catch (e) { console.log('caught', e.message); }

console.log(Object.keys(vm));
console.log(vm.runInThisContext('var vmGlobal = 40; vmGlobal + 2'), globalThis.vmGlobal);
const script = new vm.Script('vmGlobal * 2');
console.log(script.runInThisContext(), vm.compileFunction('return a + b', ['a', 'b'])(1, 2));
console.log(vm.isContext({}));
try { vm.isContext(1); } catch (e) { console.log(e.code); }

console.log(wt.isMainThread, wt.threadId, wt.parentPort, wt.workerData, wt.resourceLimits);
wt.setEnvironmentData('k', 'v');
console.log(wt.getEnvironmentData('k'), typeof wt.Worker, typeof wt.SHARE_ENV);

const hs = v8.getHeapStatistics();
console.log(Object.keys(hs), hs.used_heap_size > 0, hs.heap_size_limit > hs.used_heap_size);

(async () => {
  console.log(Object.keys(consumers));
  console.log(await consumers.text(Readable.from(['a', 'b', 'c'])));
  console.log(await consumers.json(Readable.from([Buffer.from('{"x":'), Buffer.from('[1,2]}')])));
  console.log(await consumers.buffer(Readable.from(['buf'])));
  const ab = await consumers.arrayBuffer(Readable.from([Buffer.from([1, 2, 3])]));
  console.log(ab instanceof ArrayBuffer, ab.byteLength);
  console.log(await consumers.bytes((async function* () { yield new Uint8Array([4, 5]); })()));
  console.log(await tc.tracePromise(async () => 'async result', { op: 'promise' }));
})();
