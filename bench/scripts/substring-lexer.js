// A lexer that consumes its input with `src = src.substring(n)` (marked, and many
// hand-written tokenizers, do this): linear only if substrings share their parent.
let src = "";
for (let i = 0; i < 20000; i++) src += "word" + (i % 97) + " 12.5 + (x) ";
let tokens = 0;
let sum = 0;
while (src.length > 0) {
  const m = /^(?:\s+|[a-z]+\d*|\d+(?:\.\d+)?|[()+])/.exec(src);
  if (!m) break;
  if (m[0].trim()) tokens++;
  sum += m[0].length;
  src = src.substring(m[0].length);
}
console.log(tokens, sum);
