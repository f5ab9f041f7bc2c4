// A regular expression literal makes its object from the intrinsic %RegExp%, whatever the
// global `RegExp` binding holds; exec results are arrays with index, input and groups.
const Original = RegExp;
globalThis.RegExp = function Fake() {
  return { fake: true };
};
const r = /ab+c/gi;
console.log(r instanceof Original, r.source, r.flags, r.lastIndex, Object.getOwnPropertyNames(r));
delete globalThis.RegExp;
console.log(/x/.test('x'), typeof RegExp, Object.getPrototypeOf(/y/) === Original.prototype);
globalThis.RegExp = Original;

const m = /(?<word>[a-z]+)(\d)?/.exec('  abc9 ');
console.log(m, Object.keys(m), m.length, m.groups.word);
const d = /(a)(z)?/d.exec('xa');
console.log(d.indices, Object.getOwnPropertyNames(d));
let src = 'let x = 10 + y2;';
const tokens = [];
while (src.length > 0) {
  const t = /^(?:\s+|[a-z]+\d*|\d+|[=+;])/.exec(src);
  if (!t) break;
  if (t[0].trim()) tokens.push(t[0]);
  src = src.substring(t[0].length);
}
console.log(tokens);
