'use strict';
const log = (...a) => console.log(...a);
// Holes read through the prototype chain.
Array.prototype[1] = 'proto-1';
log([0, , 2][1], [0, , 2].length);
delete Array.prototype[1];
// Elements of ordinary objects and arguments.
const o = { 0: 'a', 1: 'b' };
o[0] = 'A'; log(o[0], o[1], o[2]);
(function () { arguments[0] = 'changed'; log(arguments[0], arguments.length, arguments[5]); })('x');
// Frozen and non-extensible arrays.
const fr = Object.freeze([1, 2, 3]);
try { fr[0] = 9; } catch (e) { log(e.constructor.name, e.message); }
log(fr[0]);
const ne = Object.preventExtensions([1, 2]);
ne[0] = 'ok'; log(ne[0]);
try { ne[5] = 1; } catch (e) { log(e.constructor.name, e.message); }
// Non-writable element via defineProperty.
const nw = [1, 2, 3];
Object.defineProperty(nw, 1, { value: 'fixed', writable: false });
try { nw[1] = 'no'; } catch (e) { log(e.constructor.name, e.message); }
log(nw[1], nw[2], nw.length);
// Accessor elements.
const acc = [1, 2];
Object.defineProperty(acc, 0, { get() { return 'getter'; }, set(v) { log('setter', v); } });
log(acc[0]); acc[0] = 5;
// Setter on the prototype for an absent index.
Object.defineProperty(Array.prototype, 7, { set(v) { log('proto setter', v); }, configurable: true });
const s7 = [1]; s7[7] = 'x'; log(s7.length, Object.keys(s7));
delete Array.prototype[7];
// Array length reads.
const grow = []; for (let i = 0; i < 5; i++) grow[i] = i * i; log(grow, grow.length);
const lenfix = [1, 2, 3]; Object.defineProperty(lenfix, 'length', { writable: false });
log(lenfix.length); try { lenfix[3] = 4; } catch (e) { log(e.constructor.name, e.message); }
// Number keys that are not array indices.
const k = [10, 20, 30];
k[-0] = 'negzero'; k[1.5] = 'frac'; k[-1] = 'neg'; k[4294967295] = 'max';
log(k[0], k[-0], k[1.5], k['1.5'], k[-1], k[4294967295], k.length, k[NaN], k[Infinity]);
// Typed arrays: no prototype lookup for numeric keys.
Object.prototype[5] = 'object-proto';
const ta = new Uint8Array(3);
log(ta[5], ta[-1], ta[1.5], ta[-0], ({})[5]);
ta[0] = 300; ta[1] = -1; ta[2] = 1.7; ta[9] = 4; ta[1.5] = 8;
log(ta, ta[9], Object.keys(ta));
delete Object.prototype[5];
const f32 = new Float32Array(2); f32[0] = 0.1; f32[1] = '2.5'; log(f32[0], f32[1]);
let calls = 0; const big = new BigInt64Array(2); big[0] = 5n; try { big[1] = 5; } catch (e) { log(e.constructor.name, e.message); }
log(big[0], big[1]);
const u16 = new Uint16Array(2); u16[0] = { valueOf() { calls++; return 65537; } }; log(u16[0], calls);
const c8 = new Uint8ClampedArray(2); c8[0] = 300; c8[1] = -5; log(c8);
// Detached buffer.
const buf = new ArrayBuffer(4); const view = new Uint8Array(buf); view[0] = 1;
buf.transfer(); log(view[0], view.length); view[0] = 5; log(view[0]);
// Strings.
String.prototype[10] = 'string-proto';
const str = 'héllo😀';
log(str[0], str[1], str[5], str[6], str[10], str[99], str.length, ''.length, str[-0]);
delete String.prototype[10];
const so = new String('ab');
try { so[0] = 'z'; } catch (e) { log(e.constructor.name, e.message); }
so[5] = 'five'; log(so[0], so[5], so.length);
// Proxies.
const p = new Proxy([1, 2, 3], { get(t, key) { return 'p:' + String(key); }, set(t, key, v) { log('set', key, v); return true; } });
log(p[0], p.length); p[1] = 'v';
// Array subclass and Array-likes.
class MyArr extends Array {}
const ma = MyArr.from([1, 2]); ma[0] = 'm'; log(ma[0], ma.length, ma instanceof MyArr);
const shadow = Object.create([1, 2, 3]); log(shadow[1], shadow.length);
// Length shadowing on typed arrays.
const tl = new Uint8Array(4); Object.defineProperty(tl, 'length', { value: 99 }); log(tl.length);
// Sparse arrays.
const sp = []; sp[1000000] = 'far'; log(sp[1000000], sp.length, sp[5]);
// Compound assignment through elements.
const cc = [1, 2]; cc[0] += 10; cc[1] **= 3; cc[2] ??= 'n'; log(cc);
const tc = new Int8Array(2); tc[0] += 130; tc[1] -= 1; log(tc);
