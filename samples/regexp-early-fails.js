// Patterns with parts that can never match (an empty class `[]`), with and without capture
// groups around or beside them: group numbers, captures and matches stay as written.
const cases = [
  [/a[]b|c/, 'abc c'], [/[]|x/, 'yx'], [/([])|x/, 'yx'], [/(a)[]|b/, 'ab'], [/(?:[])+|z/, 'az'],
  [/(?:[]){0}x/, 'x'], [/(?:[])*x/, 'x'], [/(?:[]|a)(b)/, 'ab'], [/(a[]c)?(d)/, 'acd'],
  [/((?:[]))?e/, 'e'], [/(?=[])|q/, 'q'], [/(?![])r/, 'r'], [/(?<n>[])|(?<m>s)/, 's'],
  [/x(?:a|[])*y/, 'xaay'], [/[^]|[]/, 'w'], [/[]*/, 'v'], [/(?:(a)|[])+b/, 'aab'],
  [/[]|[]|(t)/, 't'], [/(?:[][])|u/u, 'u'], [/\1([])|w/, 'w'], [/[]{2,}|(x)/, 'x'],
];
for (const [re, s] of cases) {
  const m = re.exec(s);
  console.log(String(re), JSON.stringify(m), m && JSON.stringify(m.groups), s.split(re).length);
}
// A large pattern compiles (an alternation of 2 000 words, nested groups).
const words = Array.from({ length: 2000 }, (_, i) => 'w' + i.toString(36));
const big = new RegExp('^(?:' + words.join('|') + ')$');
console.log(big.test('w1'), big.test('w1jz'), big.test('x'), big.test('w' + (1999).toString(36)));
let nested = 'a'; for (let i = 0; i < 50; i++) nested = '(?:' + nested + '|b' + i + ')';
console.log(new RegExp(nested).exec('zzb49')[0], new RegExp('(' + nested + ')[]|c').exec('c')[0]);
