// Non-greedy single-character loops (regress patched to extend them one character per
// backtrack) and Annex B's \u{...} without the u flag, checked against Node, plus a
// deterministic differential of random patterns.
const cases = [
  [/a.+?b/g, 'axxbxxb ab aab'], [/a.*?b/g, 'ab aXb a\nb'], [/x{2,4}?/g, 'xxxxxxxxx'], [/x{2,4}?y/g, 'xxxxy xxy xy'],
  [/(?<=a.+?)b/g, 'aaxb b'], [/(?<=a.*?)c/g, 'zzc abc'], [/<.+?>/g, '<a><bb>< c >'], [/[a-c]+?d/g, 'abcd cd ad ed'],
  [/\d+?(?=\D)/g, '123a45b6'], [/.+?/gs, 'a\nb'], [/a.??b/g, 'ab axb axxb'], [/^.*?$/gm, 'l1\nl2\n\nl4'],
  [/é+?x/gu, 'ééx éx'], [/\u{1F600}+?!/gu, '😀😀! 😀!'], [/.+?/gu, '😀a'], [/(a+?)(a*)/, 'aaaa'], [/(?:ab)+?c/g, 'ababc abc'],
  [/[^]*?x/g, 'aaxbbx'], [/\s+?\S/g, '  a b'], [/a{0,3}?b/g, 'aaab ab b'], [/(?<!x.*?)y/g, 'xay y'],
];
for (const [re, s] of cases) console.log(String(re), JSON.stringify(s.match(re)), JSON.stringify([...s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))].map(m => [m.index, ...m])));
console.log(new RegExp('\\u{1F600}', 'g').test('u{1F600}'), /\u{2}/.test('uu'), /\u{2}/.source, /x\u{1F600}/.exec('xu{1F600}'), /\u{1F600}/.test('😀'));
console.log(/\u{1F600}*?/gs.exec('abc'), 'ab'.match(/\u{1F600}*?/g));
let seed = 7;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const atoms = ['a', 'b', '.', '[ab]', '[^a]', '\\d', '\\s', 'x', '(?:ab)', '(a|b)', '\\w', '[^]', 'é', '\\u{1F600}'];
const quants = ['', '', '*', '+', '?', '*?', '+?', '??', '{1,3}', '{1,3}?', '{0,2}?', '{2,}?', '{2,}'];
function pat(d) {
  let s = ''; const n = 1 + rnd(4);
  for (let i = 0; i < n; i++) {
    const r = rnd(12);
    if (r === 0 && d < 2) s += '(?=' + pat(d + 1) + ')';
    else if (r === 1 && d < 2) s += '(?<=' + pat(d + 1) + ')';
    else if (r === 2 && d < 2) s += '(?<!' + pat(d + 1) + ')';
    else if (r === 3 && d < 2) s += '(' + pat(d + 1) + ')' + quants[rnd(quants.length)];
    else s += atoms[rnd(atoms.length)] + quants[rnd(quants.length)];
  }
  return s;
}
const chars = ['a', 'b', 'x', '1', ' ', '\n', 'é', '😀', 'ab'];
const out = [];
for (let k = 0; k < 400; k++) {
  const p = pat(0); const flags = ['g', 'gu', 'gs', 'gi', 'gm', 'gy', 'gsu'][rnd(7)];
  let str = ''; const L = rnd(14); for (let i = 0; i < L; i++) str += chars[rnd(chars.length)];
  let re; try { re = new RegExp(p, flags); } catch (e) { out.push(p + ' ERR ' + e.constructor.name); continue; }
  try { out.push(p + '/' + flags + ' ' + JSON.stringify([...str.matchAll(re)].map(m => [m.index, ...m]))); } catch (e) { out.push('EXC ' + e.message); }
}
console.log(out.join('\n'));
const long = 'a' + 'x'.repeat(200000) + 'b';
console.log(('<i>' + 'y'.repeat(20) + '</i>').repeat(5000).match(/<i>.+?<\/i>/g).length, /a.+?b/.exec(long)[0].length);
