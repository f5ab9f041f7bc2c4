// performance.mark and performance.measure return PerformanceMark and PerformanceMeasure
// objects: their fields are getters, and console.log prints the class name and toJSON().
// (startTime and duration are clock readings, replaced by N here.)
const util = require('util');
const show = (v) =>
  util
    .inspect(v)
    .replace(/startTime: [\d.]+/g, 'startTime: N')
    .replace(/duration: [\d.]+/g, 'duration: N');

const start = performance.mark('start', { detail: { step: 1 } });
for (let i = 0, s = 0; i < 1e5; i++) s += i;
const end = performance.mark('end');
const m = performance.measure('loop', 'start', 'end');
console.log(show(start));
console.log(show(m));
console.log(Object.keys(start), Object.keys(start.toJSON()));
console.log(start instanceof PerformanceMark, m instanceof PerformanceMeasure, m instanceof PerformanceEntry);
console.log(Object.prototype.toString.call(end), end.entryType, end.duration, end.detail);
console.log(m.duration >= 0, m.startTime === start.startTime);
console.log(performance.getEntriesByType('mark').map((e) => e.name));
console.log(show({ entries: performance.getEntries() }));

const own = new PerformanceMark('mine', { startTime: 5, detail: 'x' });
console.log(show(own), performance.getEntriesByName('mine').length);
try {
  new PerformanceEntry();
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  Object.getOwnPropertyDescriptor(PerformanceEntry.prototype, 'name').get.call({});
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  performance.measure('bad', 'nope');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
performance.clearMarks();
console.log(performance.getEntries().map((e) => e.entryType));
