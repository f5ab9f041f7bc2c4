// PerformanceObserver and PerformanceObserverEntryList (Node 24's lib/internal/perf/observe.js):
// observe({ entryTypes | type, buffered }), disconnect, takeRecords, supportedEntryTypes, the
// argument errors, and delivery in one setImmediate per batch (after ticks and microtasks).
const { PerformanceObserver: PO, PerformanceObserverEntryList: POEL } = require('perf_hooks');
console.log(PO === PerformanceObserver, POEL === PerformanceObserverEntryList, PerformanceObserver.length);
console.log(PerformanceObserver.supportedEntryTypes, Object.isFrozen(PerformanceObserver.supportedEntryTypes));
console.log(Object.getOwnPropertyNames(PerformanceObserver.prototype), Object.keys(PerformanceObserver.prototype));
console.log(Object.getOwnPropertyNames(PerformanceObserverEntryList.prototype), Object.keys(PerformanceObserverEntryList.prototype));
console.log(Object.prototype.toString.call(new PerformanceObserver(() => {})));
for (const f of [
  () => new PerformanceObserverEntryList(),
  () => new PerformanceObserver(),
  () => new PerformanceObserver(() => {}).observe(),
  () => new PerformanceObserver(() => {}).observe({}),
  () => new PerformanceObserver(() => {}).observe(1),
  () => new PerformanceObserver(() => {}).observe({ entryTypes: ['mark'], type: 'mark' }),
  () => new PerformanceObserver(() => {}).observe({ entryTypes: 'mark' }),
  () => { const o = new PerformanceObserver(() => {}); o.observe({ type: 'mark' }); o.observe({ entryTypes: ['mark'] }); },
  () => { const o = new PerformanceObserver(() => {}); o.observe({ entryTypes: ['mark'] }); o.observe({ type: 'mark' }); },
  () => PerformanceObserverEntryList.prototype.getEntries.call({}),
  () => PerformanceObserver.prototype.takeRecords.call({}),
]) {
  try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
const o0 = new PerformanceObserver(() => {});
console.log(o0);
o0.observe({ entryTypes: ['mark', 'bogus'] });
console.log(o0);
o0.observe({ entryTypes: ['nothing'] });
console.log(o0);
performance.mark('early', { startTime: 0.1, detail: { d: 1 } });
const order = [];
const obs = new PerformanceObserver((list, observer) => {
  order.push(['cb', list.getEntries().map(e => e.name), observer === obs, list.constructor.name]);
  order.push(['byType', list.getEntriesByType('measure').map(e => e.name), list.getEntriesByName('a').length, list.getEntriesByName('a', 'measure').length, list.getEntriesByName('a-b', 'measure').length]);
  order.push(String(list), Object.prototype.toString.call(list));
});
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('b', { startTime: 0.7 });
performance.mark('a', { startTime: 0.5 });
performance.measure('a-b', 'a', 'b');
console.log('pending', require('util').inspect(obs).replace(/\d+(\.\d+)?/g, 'N').length > 0);
order.push('sync');
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('micro'));
setImmediate(() => order.push('immediate'));
setTimeout(() => {
  order.push('timeout');
  console.log(order);
  obs.disconnect();
  performance.mark('after disconnect');
  const single = new PerformanceObserver((list, self) => {
    self.disconnect();
    console.log('buffered', list.getEntries().map(e => [e.name, e.entryType]));
    const rec = new PerformanceObserver((l, o) => {});
    rec.observe({ type: 'measure' });
    performance.measure('m2', 'a', 'b');
    console.log('takeRecords', rec.takeRecords().map(e => e.name), rec.takeRecords().length);
    rec.disconnect();
    const o2 = new PerformanceObserver((l) => { console.log('batch', l.getEntries().map(e => e.name)); });
    o2.observe({ type: 'mark' });
    performance.mark('x1'); performance.mark('x2');
    setImmediate(() => { performance.mark('x3'); setImmediate(() => o2.disconnect()); });
  });
  single.observe({ type: 'mark', buffered: true });
  single.observe({ type: 'unknown' });
}, 20);
