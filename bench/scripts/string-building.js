// String building in loops: appends with +=, s = s + x, template literals, reads of the
// string being built, and a few string operations on the results. Each loop would be
// quadratic with copying concatenation.
function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i += 97) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

let a = "";
for (let i = 0; i < 400000; i++) a += "ab";
console.log("+=", a.length, hash(a), a.slice(-6));

let b = "";
for (let i = 0; i < 200000; i++) b = b + i;
console.log("s + i", b.length, hash(b), b.indexOf("199999"));

let c = "";
for (let i = 0; i < 100000; i++) c = `${c}<li>${i}</li>`;
console.log("template", c.length, hash(c), c.endsWith("<li>99999</li>"));

// Reads of the string being built inside the loop: length, indexing, charCodeAt.
let d = "";
let h = 0;
for (let i = 0; i < 30000; i++) {
  d += d.length;
  h = (h + d.length + d.charCodeAt(i >> 1) + (d[i] === "1" ? 1 : 0)) | 0;
}
console.log("mixed", d.length, h);

// Lines joined with "\n", then split again; a prepend loop; equality of built strings.
let e = "";
for (let i = 0; i < 50000; i++) e += "line " + (i % 100) + "\n";
const lines = e.split("\n");
let f = "";
for (let i = 0; i < 2000; i++) f = String.fromCharCode(65 + (i % 26)) + f;
let g1 = "", g2 = "";
for (let i = 0; i < 20000; i++) {
  g1 += "x" + (i & 7);
  g2 = g2 + "x" + (i & 7);
}
const counts = {};
for (let i = 0; i < 20000; i++) {
  const k = "key-" + (i % 50) + "-" + "suffix".repeat(30);
  counts[k] = (counts[k] || 0) + 1;
}
console.log("misc", lines.length, f.length, f.slice(0, 5), g1 === g2, hash(g1),
  Object.keys(counts).length, counts["key-7-" + "suffix".repeat(30)]);
