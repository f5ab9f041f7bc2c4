// What setTimeout and setInterval return: Node's Timeout objects. Their own properties
// show the timer's state — its place in the list of timers with the same duration
// (_idlePrev/_idleNext), whether it is still referenced, and whether it already ran.
// (_idleStart, the loop time when it was scheduled, changes from run to run.)
const util = require('util');
const show = (v) =>
  util
    .inspect(v)
    .replace(/_idleStart: \d+/g, '_idleStart: N')
    .replace(/expiry: \d+/g, 'expiry: N');

const lines = [];
const a = setTimeout(
  function tick(word) {
    console.log('tick', word, this === a);
    console.log(show(this)); // out of its list while it runs
    setImmediate(() => console.log('after tick', show(a)));
  },
  200,
  'hello'
);
const b = setTimeout(() => console.log("b never runs"), 200);
let n = 0;
const c = setInterval(() => {
  n++;
  console.log('interval', n, c._idlePrev, c._destroyed);
  if (n === 2) {
    clearInterval(c);
    console.log('cleared inside', show(c));
  }
}, 40); // well after d and e below, also on a slow machine
const d = setTimeout(() => console.log('d runs although unref+ref'), 1);
d.unref();
const refedAfterUnref = d.hasRef();
d.ref();

lines.push(show(a), show(b), show(c));
lines.push('same list:', a._idlePrev === b, b._idlePrev === a._idleNext._idleNext);
lines.push('list:', show(b._idlePrev));
lines.push('hasRef:', refedAfterUnref, d.hasRef());

clearTimeout(b);
lines.push('cleared:', show(b));

// A number clears a timer only once the timer was turned into one (Node's knownTimersById).
const e = setTimeout(() => console.log('e runs: clearTimeout(number) before +e'), 2);
const f = setTimeout(() => console.log('f never runs'), 2);
clearTimeout(Number(e[Object.getOwnPropertySymbols(e)[2]]));
clearTimeout(String(+f));

// The duration: not truncated in _idleTimeout, 1 when out of range.
const g = setTimeout(() => {}, 2.5);
const h = setTimeout(() => {}, 0);
lines.push('durations:', g._idleTimeout, g._idlePrev.msecs, h._idleTimeout);
g.close();
h.close();
lines.push('closed:', g._destroyed, g._idleTimeout, g._onTimeout);

console.log(lines.join('\n'));
