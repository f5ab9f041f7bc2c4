// Plain compute: string concatenation, templates, split/join, replace, char codes.
let s = "";
for (let i = 0; i < 100000; i++) s += String.fromCharCode(97 + (i % 26));
let words = [];
for (let i = 0; i < 50000; i++) words.push(`w${i % 977}-${i & 15}`);
const joined = words.join(" ");
const parts = joined.split(" ");
let h = 0;
for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
const replaced = joined.replace(/w(\d+)/g, (m, d) => d).length;
console.log(s.length, parts.length, h, replaced, s.indexOf("xyz"), s.slice(-5).toUpperCase());
