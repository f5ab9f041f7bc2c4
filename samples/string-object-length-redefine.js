// A String object's indices below its length and its `length` are non-writable and
// non-configurable: redefinitions that agree succeed and change nothing.
const keys = o => Reflect.ownKeys(o).map(String).join();
const desc = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
let s = Object('ab');
console.log(keys(s), desc(s, 'length'), desc(s, 0));
for (const d of [{ value: 2 }, { value: 3 }, { writable: false }, { writable: true }, { enumerable: false }, { enumerable: true }, { configurable: false }, { configurable: true }, { get() {} }, {}]) {
  console.log(JSON.stringify(d), Reflect.defineProperty(s, 'length', d), Reflect.defineProperty(s, '0', d), keys(s), desc(s, 'length'));
}
for (const d of [{ value: 'a' }, { value: 'b' }, { enumerable: true }, { enumerable: false }, { writable: false, configurable: false }]) {
  console.log(JSON.stringify(d), Reflect.defineProperty(s, 1, d), keys(s));
}
try { Object.defineProperty(s, 'length', { value: 5 }); } catch (e) { console.log(e.constructor.name, e.message); }
Object.freeze(s); console.log('frozen', keys(s), Object.isFrozen(s), s.length, desc(s, 'length'));
s = Object('xyz'); Object.seal(s); console.log('sealed', keys(s), Object.isSealed(s), Object.isFrozen(s));
s = Object(''); Object.freeze(s); console.log('empty', keys(s), Object.isFrozen(s));
s = Object('q'); s.extra = 1; s[5] = 'five'; Object.freeze(s); console.log('extra', keys(s), desc(s, 'extra'), desc(s, 5));
s = new String('hi'); Object.defineProperty(s, 'length', { value: 2, writable: false, enumerable: false, configurable: false });
console.log(keys(s), JSON.stringify(Object.getOwnPropertyDescriptors(s)));
console.log(Object.entries(Object.freeze(Object('ok'))).join(';'), JSON.stringify(Object.freeze(Object('j'))));
class S extends String {}
const sub = Object.freeze(new S('sub')); console.log(keys(sub), Object.isFrozen(sub), sub.length, sub + '!');
