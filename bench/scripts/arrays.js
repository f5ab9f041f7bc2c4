// Plain compute: array building, higher-order methods, sort, join.
const a = [];
for (let i = 0; i < 200000; i++) a.push((i * 7919) % 100003);
const b = a.map((x) => x * 2).filter((x) => x % 3 === 0);
const sum = b.reduce((s, x) => s + x, 0);
const sorted = a.slice(0, 50000).sort((x, y) => x - y);
const idx = sorted.indexOf(500);
const str = sorted.slice(0, 1000).join(",");
console.log(b.length, sum, sorted[0], sorted[49999], idx, str.length);
