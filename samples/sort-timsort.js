// Array.prototype.sort: comparator call order and results on large inputs, checked against
// node by hashing the call log.
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function hasher() {
  let h = 2166136261;
  return {
    add(n) { h = Math.imul(h ^ n, 16777619); },
    get value() { return (h >>> 0).toString(16); },
  };
}
const rnd = mulberry32(12345);
const int = (n) => Math.floor(rnd() * n);
const patterns = {
  random: (n) => Array.from({ length: n }, () => int(1e6)),
  fewKeys: (n) => Array.from({ length: n }, () => int(4)),
  sorted: (n) => Array.from({ length: n }, (_, i) => i),
  reversed: (n) => Array.from({ length: n }, (_, i) => n - i),
  runs: (n) => { const a = []; while (a.length < n) { const len = 1 + int(200); const up = rnd() < 0.5; let v = int(1000); for (let i = 0; i < len && a.length < n; i++) a.push(up ? v++ : v--); } return a; },
  sawtooth: (n) => Array.from({ length: n }, (_, i) => i % 37),
  nearlySorted: (n) => { const a = Array.from({ length: n }, (_, i) => i); for (let k = 0; k < n / 20; k++) { const i = int(n), j = int(n); [a[i], a[j]] = [a[j], a[i]]; } return a; },
  galloping: (n) => { const a = []; for (let i = 0; i < n / 2; i++) a.push(i * 2); for (let i = 0; i < n / 2; i++) a.push(i < n / 4 ? -i : n + i); return a; },
};
const comparators = {
  numeric: () => (a, b) => a.k - b.k,
  boolean: () => (a, b) => a.k > b.k,
  reverse: () => (a, b) => b.k - a.k,
  randomSign: () => { const r = mulberry32(7); return () => (r() < 0.5 ? -1 : 1); },
  randomTri: () => { const r = mulberry32(99); return () => int3(r); },
  minusOne: () => () => -1,
  plusOne: () => () => 1,
  zero: () => () => 0,
  nanish: () => (a, b) => (a.k % 3 === 0 ? NaN : a.k - b.k),
  stringResult: () => (a, b) => String(a.k - b.k),
  flipEvery: () => { let c = 0; return (a, b) => ((c++ % 5 === 0) ? b.k - a.k : a.k - b.k); },
};
function int3(r) { const x = r(); return x < 0.33 ? -1 : x < 0.66 ? 0 : 1; }
for (const n of [0, 1, 2, 3, 7, 33, 64, 65, 255, 1200]) {
  for (const [pname, gen] of Object.entries(patterns)) {
    const keys = gen(n);
    for (const [cname, mk] of Object.entries(comparators)) {
      const arr = keys.map((k, id) => ({ k, id }));
      const cmp = mk();
      const h = hasher();
      let calls = 0;
      arr.sort((a, b) => { calls++; h.add(a.id); h.add(b.id); return cmp(a, b); });
      const r = hasher();
      for (const o of arr) r.add(o.id);
      console.log(n, pname, cname, calls, h.value, r.value);
    }
  }
}
