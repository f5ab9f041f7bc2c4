// Short appends gathered into rope leaves (session 14): reads between appends, strings that
// share a rope, prepends, slices of flattened ropes and short strings used as keys.
function sum(s) {
  let h = 0;
  for (let i = 0; i < s.length; i += 7) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

let s = "start:".repeat(30);
const kept = [];
for (let i = 0; i < 5000; i++) {
  s += i % 10;
  if (i % 499 === 0) kept.push(s);
  if (i % 1237 === 0) console.log("read", i, s.length, s[s.length - 1], s.charCodeAt(i >> 1));
}
console.log(s.length, sum(s), s.slice(-12), s.indexOf("0123456789"));
for (const k of kept) console.log(k.length, k.slice(-5), sum(k));

// Two strings grown from one rope keep their own units.
const base = kept[3];
let a = base, b = base;
for (let i = 0; i < 700; i++) {
  a += "a";
  b = b + "bb";
}
console.log(a.length, b.length, a.endsWith("aaaa"), b.endsWith("bbbb"), a.startsWith(base),
  b.slice(base.length - 3, base.length + 3));

// Prepends and a mix of both.
let p = "<".repeat(130);
for (let i = 0; i < 1000; i++) p = (i % 3) + p;
for (let i = 0; i < 1000; i++) p = p + (i % 7);
console.log(p.length, p.slice(0, 10), p.slice(-10), sum(p));

// Slices of a flattened rope, and short strings (inline) as keys.
const words = s.slice(180, 260).match(/\d{3}/g);
const counts = {};
for (const w of words) counts[w] = (counts[w] || 0) + 1;
console.log(words.length, Object.keys(counts).length, JSON.stringify(Object.entries(counts).slice(0, 3)));
const short = ["", "a", "twelve units", "thirteen unit", "é😀x"].map((t) => t + t);
console.log(short, short.map((t) => t.length), short[4] === "é😀xé😀x");
