// structuredClone copies the own properties of plain objects and arrays only; a boxed
// primitive, Date, RegExp, Map or Set is cloned as its contents alone.
const tagged = (o) => Object.assign(o, { label: 'extra' });
console.log(structuredClone(new String('text')), structuredClone(new Number(7)));
console.log(structuredClone(new Boolean(false)), structuredClone(Object(12n)));
console.log(structuredClone(tagged(new String('ab'))));
for (const v of [new Date(0), /re/g, new Map([[1, 2]]), new Set([3]), new Number(1)]) {
  const c = structuredClone(tagged(v));
  console.log(Object.prototype.toString.call(c), c.label, Object.keys(c));
}
console.log(structuredClone(tagged([1, 2])), structuredClone(tagged({ a: 1 })));
const shared = new String('shared');
const copy = structuredClone({ a: shared, b: shared });
console.log(copy, copy.a === copy.b);
