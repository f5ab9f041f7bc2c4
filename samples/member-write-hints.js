'use strict';
// Property writes at one site over objects whose properties change kind, become read-only
// or live elsewhere: every write does what [[Set]] does.
const write = (o, v) => {
  o.x = v;
  return o;
};
const out = [];
const a = { x: 0, y: 1 };
for (let i = 0; i < 3; i++) write(a, i);
out.push(a.x);
Object.defineProperty(a, 'x', { writable: false });
try {
  write(a, 'read-only');
} catch (e) {
  out.push(e.constructor.name, a.x);
}
const b = { y: 1, x: 2 };
let seen;
Object.defineProperty(b, 'x', { set(v) { seen = v; }, get() { return 'getter'; }, configurable: true });
write(b, 'to setter');
out.push(seen, b.x);
const frozen = Object.freeze({ x: 1 });
try {
  write(frozen, 2);
} catch (e) {
  out.push(e.constructor.name, frozen.x);
}
const withProtoSetter = Object.create({ set x(v) { out.push('proto setter ' + v); } });
write(withProtoSetter, 'p');
out.push(Object.keys(withProtoSetter).length);
const arr = [1, 2];
write(arr, 'on an array');
const proxied = write(new Proxy({}, { set(t, k, v) { out.push(`trap ${String(k)}=${v}`); t[k] = v; return true; } }), 'px');
out.push(arr.x, proxied.x);
const c = { x: 1 };
delete c.x;
write(c, 'added again');
out.push(Object.keys(c), c.x);
console.log(out);
class Counter {
  constructor() {
    this.n = 0;
  }
  inc() {
    this.n = this.n + 1;
  }
}
const k = new Counter();
for (let i = 0; i < 1000; i++) k.inc();
console.log(k.n);
