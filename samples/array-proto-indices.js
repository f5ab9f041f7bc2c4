// Indexed properties on prototypes are seen by the array built-ins' fast paths (push,
// spread, includes, indexOf). Results are printed after the prototypes are restored
// (console.log itself uses arrays).
const out = [];
const note = (...xs) => out.push(xs.map((x) => JSON.stringify(x) ?? String(x)).join(' '));
Object.defineProperty(Array.prototype, 3, {
  set(v) { note('Array.prototype setter got', v); },
  get() { return 'from Array.prototype'; },
  configurable: true,
});
const a = [1, 2, 3];
note(a.push(4), a.length, Object.keys(a), a[3]);
const holes = [0, , 2, , 4];
note(holes.includes(undefined), [...holes], holes.indexOf('from Array.prototype'));
delete Array.prototype[3];
const b = [1, 2, 3];
note(b.push(4), b, [...[0, , 2, , 4]]);
// A prototype with many properties (hash-indexed) and an indexed one.
class Big extends Array {}
for (let i = 0; i < 20; i++) Big.prototype['m' + i] = i;
Object.defineProperty(Big.prototype, 1, { value: 'proto one', configurable: true });
const c = Big.from([10]);
c.length = 3;
note(c[1], [...c], c.includes('proto one'));
try { c.push(5, 6); } catch (e) { note(e.constructor.name); }
note(c.length);
delete Big.prototype[1];
note(c.push(7), c.length, [...c]);
Object.defineProperty(Object.prototype, 0, { value: 'object proto zero', configurable: true });
note([, 'x'][0], [...[, 'y']]);
delete Object.prototype[0];
note([, 'x'][0], [...[, 'y']]);
console.log(out.join('\n'));
