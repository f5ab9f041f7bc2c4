// String.prototype.match / RegExp.prototype[Symbol.match] with the g flag: the matched
// strings, lastIndex after, the legacy RegExp statics, and every way exec can be reached.
const show = (label, v) => console.log(label, JSON.stringify(v));
const fmt = "yyyy-MM-dd'T'HH:mm:ss EEE MMM do, QQQ";
const tokens = /(\w)\1*|''|'(''|[^'])+('|$)|./g;
show('tokens', fmt.match(tokens));
console.log(tokens.lastIndex);
tokens.lastIndex = 5; show('from 5 ignored', 'ab'.match(tokens)); console.log(tokens.lastIndex);
show('none', 'xyz'.match(/q/g));
show('empty matches', 'abc'.match(/x*/g));
show('empty unicode', '\u{1F600}a\u{1F600}'.match(/(?:)/gu));
show('empty non-unicode', '\u{1F600}a'.match(/(?:)/g));
show('empty v', '\u{1F600}b'.match(/(?:)/gv));
show('sticky global', 'aaba'.match(/a/gy));
show('captures ignored', 'a1b2c3'.match(/([a-z])(\d)/g));
show('named', '2024-01-02 2025-03-04'.match(/(?<y>\d{4})-(?<m>\d\d)/g));
show('lookbehind', 'x1 y2 x3'.match(/(?<=x)\d/g));
show('case', 'aAbBa'.match(/a/gi));
show('multiline', 'l1\nl2\nx3'.match(/^l\d$/gm));
// Legacy statics follow the last successful match.
'a1b22c333'.match(/\d+/g);
console.log(RegExp.lastMatch, RegExp['$&'], RegExp.leftContext, RegExp.rightContext, RegExp.input);
'k9'.match(/(\w)(\d)/g); console.log(RegExp.$1, RegExp.$2, RegExp.lastParen);
'zz'.match(/q/g); console.log(RegExp.lastMatch);
// A non-writable lastIndex: the first Set throws.
const frozen = Object.freeze(/a/g);
try { 'aa'.match(frozen); } catch (e) { console.log(e.constructor.name, e.message); }
const ro = /a/g; Object.defineProperty(ro, 'lastIndex', { writable: false, value: 0 });
try { 'aa'.match(ro); } catch (e) { console.log(e.constructor.name, e.message); }
// An own exec, then deleted mid-way; a prototype exec replaced and restored.
const own = /b/g; let calls = 0;
own.exec = function (s) { calls++; if (calls === 2) delete own.exec; return RegExp.prototype.exec.call(this, s); };
show('own exec', 'bbbb'.match(own)); console.log(calls);
const origExec = RegExp.prototype.exec;
RegExp.prototype.exec = function (s) { const r = origExec.call(this, s); if (r) r[0] = r[0].toUpperCase() + '!'; return r; };
show('proto exec', 'abab'.match(/a/g));
RegExp.prototype.exec = origExec;
show('restored', 'abab'.match(/a/g));
// exec returning non-strings, objects with toString, and empty strings.
const odd = /./g; let n = 0;
odd.exec = function () { n++; if (n > 3) return null; this.lastIndex++; return { 0: n === 2 ? { toString() { return 'obj'; } } : n, length: 1 }; };
show('odd exec', 'abc'.match(odd));
const emp = /./g; let k = 0;
emp.exec = function () { k++; return k > 2 ? null : ['']; };
show('empty from exec', 'abc'.match(emp)); console.log(emp.lastIndex);
// lastIndex made an object by exec: ToLength runs its valueOf after an empty match.
const li = /x*/g; let m = 0;
li.exec = function (s) { m++; if (m > 2) return null; this.lastIndex = { valueOf() { console.log('valueOf'); return 7; } }; return ['']; };
show('lastIndex object', 'abc'.match(li)); console.log(li.lastIndex);
// Subclasses: with and without their own exec.
class R1 extends RegExp {}
show('subclass', 'a-b-c'.match(new R1('\\w', 'g')));
class R2 extends RegExp { exec(s) { const r = super.exec(s); if (r) r[0] = '<' + r[0] + '>'; return r; } }
show('subclass exec', 'a-b'.match(new R2('\\w', 'g')));
// Flags read through a getter; a non-global flags string.
const fl = /a/g; Object.defineProperty(fl, 'flags', { value: '' });
show('own flags', 'aa'.match(fl));
// Symbol.match called directly, on strings that need ToString.
show('direct', RegExp.prototype[Symbol.match].call(/\d/g, 12345));
show('tostring arg', /o/g[Symbol.match]({ toString() { return 'foo'; } }));
// Long input and many matches.
const big = 'ab'.repeat(5000);
const all = big.match(/a/g); console.log(all.length, all[0], all[4999]);
console.log('x'.repeat(1000).match(/x{3}/g).length);
