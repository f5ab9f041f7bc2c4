// Node's event loop order: synchronous code, then process.nextTick callbacks, then promise
// jobs (queueMicrotask shares their queue), then timers, then setImmediate callbacks.
// Ticks and microtasks are drained completely after every single macrotask.
console.log('1: script start');

setTimeout(() => {
  console.log('7: timeout 1');
  process.nextTick(() => console.log('8: tick inside timeout 1'));
  Promise.resolve().then(() => console.log('9: promise inside timeout 1'));
}, 0);
setTimeout(() => console.log('10: timeout 2'), 0);

setImmediate(() => {
  console.log('11: immediate 1');
  process.nextTick(() => console.log('12: tick inside immediate'));
});
setImmediate(() => console.log('13: immediate 2'));

Promise.resolve().then(() => {
  console.log('4: promise 1');
  process.nextTick(() => console.log('6: tick queued by a promise job waits for the drain'));
});
queueMicrotask(() => console.log('5: queueMicrotask'));

process.nextTick(() => {
  console.log('3a: tick 1');
  process.nextTick(() => console.log('3c: tick queued by a tick runs in the same drain'));
  Promise.resolve().then(() => console.log('5b: promise queued by a tick'));
});
process.nextTick((a, b) => console.log('3b: tick with args', a, b), 'x', 'y');

(async () => {
  console.log('2: async body runs synchronously');
  await null;
  console.log('5a: after await');
})();

console.log('2b: script end');
