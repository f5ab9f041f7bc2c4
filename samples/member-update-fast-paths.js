// `o.x++`, `--o.x`, `o.x += v` on own data properties (the member site's hint), and every
// case where the general [[Get]]/[[Set]] must answer instead.
'use strict';
const log = (...a) => console.log(...a);
function bump(o) { o.n++; ++o.n; o.n--; return --o.n + o.n++; }
function add(o, v) { o.n += v; o.n -= 1; o.n *= 2; o.n **= 1; o.n |= 0; return o.n; }
function both(o) { return [bump(o), add(o, 3), o.n]; }
const plain = { n: 1 };
for (let i = 0; i < 3; i++) log(both(plain));
// Dictionary receiver (more than 16 fields), like js-yaml's State.
function State() { for (let i = 0; i < 30; i++) this['f' + i] = i; this.n = 5; this.position = 0; }
const st = new State();
for (let i = 0; i < 3; i++) log(both(st));
const adv = (s) => { while (s.position < 10) s.position++; return s.position; };
log(adv(st), adv(new State()));
delete st.f3; st.f3 = 'x'; log(both(st));
// Values that are not numbers: strings, BigInt, undefined, objects with valueOf.
const vals = [{ n: '7' }, { n: 10n }, { n: undefined }, { n: null }, { n: true },
  { n: { valueOf() { log('valueOf'); return 4; } } }, { n: -0 }, { n: NaN }, { n: 2 ** 53 }];
for (const o of vals) { try { log(String(bump(o)), String(o.n)); } catch (e) { log(e.constructor.name, e.message); } }
const svals = [{ n: 'a' }, { n: 1n }, { n: [] }];
for (const o of svals) { try { o.n += 'z'; log(String(o.n)); } catch (e) { log(e.constructor.name, e.message); } }
// The property becomes an accessor, read-only, is deleted, or moves, after the site is warm.
const o = { a: 0, n: 0 };
for (let i = 0; i < 3; i++) bump(o);
log(o.n);
let store = 100;
Object.defineProperty(o, 'n', { get() { log('get'); return store; }, set(v) { log('set', v); store = v; }, configurable: true });
log(bump(o), store);
Object.defineProperty(o, 'n', { value: 1, writable: false, configurable: true });
try { bump(o); } catch (e) { log(e.constructor.name, e.message); }
try { add(o, 1); } catch (e) { log(e.constructor.name, e.message); }
log(o.n);
delete o.n; try { log(bump(o)); } catch (e) { log(e.constructor.name, e.message); } log(o.n);
delete o.a; o.n = 3; log(bump(o), o.n);
// Frozen, sealed and non-extensible objects.
const fr = Object.freeze({ n: 1 }); try { bump(fr); } catch (e) { log(e.constructor.name, e.message); } log(fr.n);
const se = Object.seal({ n: 1 }); log(bump(se), se.n);
// Inherited property: the write creates an own one (or a setter runs).
const proto = { n: 10 }; const child = Object.create(proto); log(bump(child), child.n, proto.n, Object.keys(child));
const sp = { set n(v) { log('proto setter', v); }, get n() { return 1; } }; const c2 = Object.create(sp); log(bump(c2), Object.keys(c2));
// Proxies, arrays, typed arrays, String objects, functions, arguments, classes.
const px = new Proxy({ n: 1 }, { get(t, k) { log('proxy get', k); return t[k]; }, set(t, k, v) { log('proxy set', k, v); t[k] = v; return true; } });
log(bump(px));
const arr = [1, 2, 3]; arr.n = 1; log(bump(arr), arr.n);
const lenUp = (a) => { a.length++; a.length += 1; return a.length; }; log(lenUp(arr), lenUp([]), arr.length);
const ta = new Uint8Array(2); ta.n = 250; log(bump(ta), ta.n);
const so = new String('ab'); so.n = 1; log(bump(so)); try { so.length++; } catch (e) { log(e.constructor.name, e.message); }
function fn() {} fn.n = 1; log(bump(fn));
(function () { arguments.n = 1; log(bump(arguments)); })();
class K { #p = 1; static n = 1; incp() { this.#p++; this.#p += 2; return this.#p; } } log(bump(K), new K().incp());
// Primitives as bases (strict mode: the write throws).
for (const b of [1, 'str', true]) { try { b.n++; } catch (e) { log(e.constructor.name, e.message); } }
try { const u = undefined; u.n++; } catch (e) { log(e.constructor.name, e.message); }
// The base is evaluated once; the right side after the old value is read.
let calls = 0; const get = () => { calls++; return plain; };
get().n++; get().n += (plain.n = 100, 1); log(calls, plain.n);
// Sites shared by many shapes.
const many = [{ n: 1 }, { x: 1, n: 2 }, { y: 1, z: 2, n: 3 }, { n: 4, w: 1 }];
for (let r = 0; r < 2; r++) for (const m of many) log(bump(m), add(m, 1));
// Sloppy-mode functions: a failed write is silent.
const sloppy = new Function('o', 'o.n++; o.n += 1; return o.n;');
log(sloppy(Object.freeze({ n: 1 })), sloppy({ n: 1 }));
