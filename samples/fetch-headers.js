// Headers: construction, append/set/delete/get/has, getSetCookie, sorted iteration, validation errors, inspect
const h = new Headers({ 'Content-Type': 'text/plain', 'X-B': 'b', 'x-a': ' padded \t' });
console.log(h);
h.append('X-B', 'second');
h.append('Set-Cookie', 'a=1');
h.append('set-cookie', 'b=2');
console.log(h);
console.log(h.get('x-b'), h.get('missing'), h.has('X-A'), h.has('nope'));
console.log(h.get('set-cookie'), h.getSetCookie());
console.log([...h]);
console.log([...h.keys()], [...h.values()]);
for (const [k, v] of h.entries()) console.log(k, '=>', v);
h.forEach(function (v, k, o) { console.log('forEach', k, v, o === h, this); }, 'thisArg');
h.set('x-b', 'replaced');
h.delete('content-type');
console.log(h, h.has('content-type'));
const h2 = new Headers([['a', '1'], ['b', '2'], ['a', '3']]);
console.log(h2, [...h2]);
const h3 = new Headers(h2);
h3.set('c', '4');
console.log(h2, h3);
console.log(new Headers());
console.log(new Headers(undefined));
console.log(Object.prototype.toString.call(h), String(h));
console.log(Object.getOwnPropertyNames(Headers.prototype));
console.log(typeof Headers, Headers.name, Headers.length);
const it = h.entries();
console.log(it, Object.prototype.toString.call(it));
console.log(it.next(), it.next(), it.next());
const tries = [
  () => new Headers({ 'bad name': 'x' }),
  () => new Headers({ a: 'bad\nvalue' }),
  () => new Headers([['a']]),
  () => new Headers([['a', 'b', 'c']]),
  () => new Headers(5),
  () => new Headers('str'),
  () => h.append('', 'x'),
  () => h.set('ü', 'x'),
  () => h.get('bad name'),
  () => h.has('bad name'),
  () => h.delete('bad name'),
  () => h.append('a'),
  () => h.get(),
  () => Headers(),
  () => Headers.prototype.get.call({}, 'a'),
  () => new Headers([1]),
  () => h.forEach(5),
];
for (const t of tries) {
  try { console.log(t()); } catch (e) { console.log(e.name + ': ' + e.message); }
}
const big = new Headers();
for (const n of ['zeta', 'Alpha', 'beta', 'Set-Cookie', 'set-cookie', 'gamma']) big.append(n, n + 'v');
console.log(big);
console.log([...big.keys()]);
// mutation during iteration
const m = new Headers({ a: '1', b: '2' });
for (const [k] of m) { if (k === 'a') m.append('c', '3'); console.log('iter', k); }
console.log(h instanceof Headers, Headers.prototype[Symbol.iterator] === Headers.prototype.entries);
