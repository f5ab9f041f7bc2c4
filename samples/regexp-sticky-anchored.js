// Sticky (y) matches try only lastIndex (or the surrogate pair it points into, as V8), and
// ^-anchored patterns without m try only the start: neither scans the rest of the input.
const cases = [[/a/y, 'ba', [0, 1, 2, 3]], [/a+/y, 'aab', [0, 1, 2]], [/^a/y, 'aa', [0, 1]], [/^a/my, 'a\na', [0, 1, 2]], [/(?<=a)b/y, 'ab', [0, 1]],
  [/\u{1F600}/uy, '😀😀', [0, 1, 2, 3]], [/./uy, '😀', [0, 1]], [/$/y, 'ab', [0, 1, 2]], [/b|ab/y, 'ab', [0, 1]], [/(?:)/y, 'ab', [0, 2, 3]], [/\b/y, 'a b', [0, 1, 2]]];
for (const [re, s, idxs] of cases) for (const i of idxs) { re.lastIndex = i; const m = re.exec(s); console.log(String(re), JSON.stringify(s), i, m && [m.index, m[0]], re.lastIndex); }
const lex = /\s*(?:(\d+)|(\w+)|(.))/y; const src = '12 + foo * (3 - bar)'; const toks = []; lex.lastIndex = 0; let m;
while (lex.lastIndex < src.length && (m = lex.exec(src))) toks.push(m[1] ?? m[2] ?? m[3]);
console.log(toks, 'abc'.replace(/b/y, 'X'), 'aab'.replace(/a/gy, 'X'), 'baa'.replace(/a/gy, 'X'), 'a,b'.split(/,/y), 'xay'.search(/a/y), [...'aab'.matchAll(/a/gy)].length);
console.log(/^b/.test('ab'), /^b/m.test('a\nb'), /(?:^|,)b/.test('a,b'), /^(?:a|b)/.exec('zb'), 'x\ny'.match(/^y/g), 'y'.match(/^y/g), 'aaa'.replace(/^a/g, 'b'));
const s2 = 'q'.repeat(100000); let c = 0; for (let i = 0; i < 2000; i++) { const r = /^x|y$/g; r.lastIndex = 5; if (r.test(s2)) c++; } console.log(c);
