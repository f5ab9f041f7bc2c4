// A null-prototype object's name in inspect comes from V8's constructor name: an own
// enumerable Symbol.toStringTag names it; a hidden one is shown as a tag.
const withTag = (tag, extra = {}) => Object.assign(Object.create(null), { [Symbol.toStringTag]: tag }, extra);
console.log(withTag('Config'));
console.log(withTag('Config', { debug: true }));
console.log([withTag('Nested')], { inner: withTag('Inner', { x: 1 }) });
const hidden = Object.create(null);
Object.defineProperty(hidden, Symbol.toStringTag, { value: 'Hidden' });
hidden.x = 1;
console.log(hidden);
const viaProto = Object.create(Object.create(null, { [Symbol.toStringTag]: { value: 'ProtoTag' } }));
viaProto.y = 2;
console.log(viaProto);
const literal = { __proto__: null, [Symbol.toStringTag]: 'Literal', z: 3 };
console.log(literal);
console.log(Object.assign(Object.create(null), { [Symbol.toStringTag]: 5 }));
console.log(Object.assign(Object.create(null), { [Symbol.toStringTag]: '' }));
const getter = Object.create(null);
Object.defineProperty(getter, Symbol.toStringTag, { get() { return 'G'; }, enumerable: true });
console.log(getter);
const dict = Object.create(null);
dict.apple = 1;
dict.banana = 2;
console.log(dict);
