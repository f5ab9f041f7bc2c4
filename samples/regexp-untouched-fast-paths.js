// RegExp built-ins that skip the `exec`/`flags` lookups when nothing was changed
// (builtins/regexp.rs `untouched`, session 19): each change a script can make to a RegExp,
// its prototype or its lastIndex, seen by test, exec, replace, match, split and flags.
'use strict';
const out = [];
const p = (...a) => out.push(a.map(x => typeof x === 'string' ? x : JSON.stringify(x)).join(' '));
// flags order and getters
p(/a/gimsuy.flags, new RegExp('a', 'yusmig').flags, /a/dgv.flags, /a/.flags);
const r1 = /a/g; p('a1a2a'.replace(r1, 'X'), r1.lastIndex);
// test with g: lastIndex moves; legacy statics
const g = /a(\d)/g; p(g.test('xa1ya2'), g.lastIndex, RegExp.$1, g.test('xa1ya2'), g.lastIndex, RegExp.$1, g.test('xa1ya2'), g.lastIndex);
const y = /a/y; y.lastIndex = 1; p(y.test('ba'), y.lastIndex, y.test('ba'), y.lastIndex);
// lastIndex as an object: valueOf runs once per test
const lo = /b/g; let calls = 0; lo.lastIndex = { valueOf() { calls++; return 1; } }; p(lo.test('abab'), lo.lastIndex, calls);
// lastIndex string
const ls = /b/g; ls.lastIndex = '2'; p(ls.test('abab'), ls.lastIndex);
// frozen regexp: lastIndex write throws
const fz = Object.freeze(/a/g); try { fz.test('a'); p('no throw'); } catch (e) { p(e.constructor.name, e.message); }
const fz2 = Object.freeze(/a/); p(fz2.test('a'), fz2.exec('ba').index);
// own exec shadows
const oe = /a/; oe.exec = function (s) { p('own exec', s); return null; }; p(oe.test('a'));
// prototype exec replaced, then restored
const origExec = RegExp.prototype.exec;
RegExp.prototype.exec = function (s) { p('proto exec', s); return origExec.call(this, s); };
p(/x/.test('x'), 'xx'.replace(/x/, 'y'));
RegExp.prototype.exec = origExec; p(/x/.test('x'));
// flag getter replaced on the prototype
const desc = Object.getOwnPropertyDescriptor(RegExp.prototype, 'global');
Object.defineProperty(RegExp.prototype, 'global', { get() { p('global getter'); return true; }, configurable: true });
p(/q/.flags, 'qq'.split(/q/));
Object.defineProperty(RegExp.prototype, 'global', desc); p(/q/.flags, 'qq'.replace(/q/, 'z'));
// own flags property (V8 ignores it in replace; split and match read it as the spec says)
const of = /a/g; Object.defineProperty(of, 'flags', { value: 'y' }); p('a,a'.split(of), of.flags);
// flags getter replaced and restored
const fd = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags');
Object.defineProperty(RegExp.prototype, 'flags', { get() { p('flags getter'); return 'g'; }, configurable: true });
p('a1a'.split(/1/), 'x'.match(/x/g));
Object.defineProperty(RegExp.prototype, 'flags', fd); p('aa'.replace(/a/g, 'b'), 'a,b'.split(/,/));
// subclass
class R extends RegExp { exec(s) { p('sub exec'); return super.exec(s); } }
p(new R('a', 'g').test('a'), new R('a').flags, 'aXa'.replace(new R('X'), '-'));
class R2 extends RegExp {} p(new R2('a', 'gi').test('A'), new R2('a', 'gi').flags);
// Object.setPrototypeOf a regexp
const sp = /a/; Object.setPrototypeOf(sp, { exec() { p('other proto'); return null; }, get flags() { return 'g' } });
p(RegExp.prototype.test.call(sp, 'a'));
// a non-RegExp this
p(RegExp.prototype.test.call({ exec() { return {}; } }, 'x'));
try { RegExp.prototype.test.call({}, 'x'); } catch (e) { p(e.constructor.name, e.message); }
// flags on non-RegExp objects
p(Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call({ global: 1, sticky: 1, hasIndices: 0 }));
p(RegExp.prototype.flags);
// match, matchAll, search, split through the fast paths
p('a1b2c3'.match(/\d/g), 'a1b2'.match(/(\w)(\d)/).slice(), [...'a1b2'.matchAll(/\d/g)].map(m => m.index), 'abc'.search(/c/), 'a1b2c'.split(/\d/));
const sticky = /\d/y; p('1a2'.replace(sticky, 'x'), sticky.lastIndex);
// lastIndex non-writable but not frozen, non-global: test works (no write)
const nw = /a/; Object.defineProperty(nw, 'lastIndex', { writable: false }); p(nw.test('a'), nw.exec('a')[0]);
const nwg = /a/g; Object.defineProperty(nwg, 'lastIndex', { writable: false }); try { nwg.test('a'); } catch (e) { p(e.constructor.name); }
// lastIndex past the string, and unicode surrogate start
const past = /a/g; past.lastIndex = 10; p(past.test('aaa'), past.lastIndex);
const u = /\udc00/gu; u.lastIndex = 1; p(u.test('\ud800\udc00'), u.lastIndex);
// test with an argument that changes the regexp
const ch = /a/g; p(ch.test({ toString() { ch.lastIndex = 2; return 'aaa'; } }), ch.lastIndex);
console.log(out.join('\n'));
