// WeakMap entries whose keys die: 300 000 keys, each mapped to a 100-element array, with
// only every thousandth key kept. Memory stays flat only if the keys are held weakly.
const cache = new WeakMap();
const kept = [];
for (let i = 0; i < 300000; i++) {
  const key = { id: i };
  cache.set(key, new Array(100).fill(i));
  if (i % 1000 === 0) kept.push(key);
}
let s = 0;
for (const k of kept) s += cache.get(k)[99];
console.log(kept.length, s);
