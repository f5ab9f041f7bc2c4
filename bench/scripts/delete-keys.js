// Deleting many keys of a large object one by one (a dictionary used as a map).
const o = {};
for (let i = 0; i < 50000; i++) o["k" + i] = i;
let s = 0;
for (let i = 0; i < 50000; i += 2) delete o["k" + i];
for (const k in o) s += o[k];
for (let i = 1; i < 50000; i += 2) delete o["k" + i];
console.log(s, Object.keys(o).length);
