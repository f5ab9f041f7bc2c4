// Object.prototype.toString's cached tags, string tags kept as code units, and typed
// array element reads with one buffer borrow (session 19): resizable and detached buffers,
// length-tracking views, Buffers, BigInt arrays, non-index keys.
const ts = Object.prototype.toString;
console.log(ts.call(undefined), ts.call(null), ts.call([]), ts.call(function(){}), ts.call(new Error), ts.call(true), ts.call(1), ts.call(''), ts.call(new Date(0)), ts.call(/x/), ts.call({}), ts.call((function(){return arguments})()));
console.log(ts.call({[Symbol.toStringTag]: 'Custom'}), ts.call({[Symbol.toStringTag]: 5}), ts.call(new Map), ts.call(Promise.resolve()));
const s = ts.call({[Symbol.toStringTag]: '\ud800x'}); console.log(s.length, s.charCodeAt(8), JSON.stringify(s));
class A extends Array {}; console.log(ts.call(new A), ts.call(new Proxy([], {})), ts.call(Object.assign([], {[Symbol.toStringTag]: 'T'})));
const u8 = new Uint8Array([1, 2, 255]); console.log(u8[0], u8[2], u8[3], u8[-0], u8[1.5], u8['1']);
const f64 = new Float64Array([1.5, -2]); console.log(f64[1], f64[2]);
const rab = new ArrayBuffer(8, {maxByteLength: 16}); const v = new Uint16Array(rab, 2); const w = new Uint16Array(rab, 2, 2);
v[0] = 7; v[2] = 9; console.log(v.length, v[0], v[2], v[3], w[1]); rab.resize(4); console.log(v.length, v[0], v[1], w[0], w[1]); rab.resize(1); console.log(v[0], w[0]);
const ab = new ArrayBuffer(4); const d = new Uint8Array(ab); d[0] = 3; structuredClone(ab, {transfer: [ab]}); console.log(d[0], d.length);
const b = Buffer.from('hey'); console.log(b[0], b[2], b[3]);
const bi = new BigInt64Array([5n]); console.log(bi[0], bi[1]);
