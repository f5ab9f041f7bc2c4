// util.inspect.defaultOptions: read, validated on assignment, and used by console.log, util.inspect and util.format.
const util = require('util');
console.log(util.inspect.defaultOptions);
const d = Object.getOwnPropertyDescriptor(util.inspect, 'defaultOptions'); console.log(d);
console.log(Object.isSealed(util.inspect.defaultOptions), Object.isFrozen(util.inspect.defaultOptions));
for (const bad of [null, 5, [], 'x', () => {}, undefined]) {
  try { util.inspect.defaultOptions = bad; console.log('ok') } catch (e) { console.log(e.name, e.code, e.message) }
}
try { util.inspect.defaultOptions = { foo: 1 } } catch (e) { console.log(e.name, e.message) }
try { util.inspect.defaultOptions.bar = 2 } catch (e) { console.log(e.name, e.message) }
console.log(util.inspect.defaultOptions.bar);
const o = { a: { b: { c: { d: { e: 1 } } } }, arr: Array.from({ length: 8 }, (_, i) => i) };
console.log(o);
util.inspect.defaultOptions.depth = 0;
console.log(o, util.inspect(o), util.format('%o|%O|%j', o, o, { x: 1 }));
console.dir(o); console.dir(o, { depth: 1 });
util.inspect.defaultOptions = { depth: 5 };
console.log(o);
console.log(util.inspect.defaultOptions === util.inspect.defaultOptions, util.inspect.defaultOptions.depth);
util.inspect.defaultOptions.breakLength = 20;
console.log({ aaaa: 1, bbbb: 2, cccc: 3 });
util.inspect.defaultOptions.breakLength = 80;
util.inspect.defaultOptions.maxArrayLength = 3;
console.log(o.arr, util.inspect(o.arr, { maxArrayLength: 5 }));
util.inspect.defaultOptions.maxArrayLength = null;
console.log(o.arr);
util.inspect.defaultOptions.depth = null;
console.log(o);
util.inspect.defaultOptions.depth = Infinity;
console.log(o);
util.inspect.defaultOptions.sorted = true;
console.log({ b: 1, a: 2 });
util.inspect.defaultOptions.sorted = false;
util.inspect.defaultOptions.compact = false;
console.log({ b: 1, a: [1, 2] });
util.inspect.defaultOptions.compact = 3;
util.inspect.defaultOptions.showHidden = true;
console.log([1, 2]);
util.inspect.defaultOptions.showHidden = false;
util.inspect.defaultOptions.numericSeparator = true;
console.log(1234567.891, 12345678);
util.inspect.defaultOptions.numericSeparator = false;
util.inspect.defaultOptions.maxStringLength = 4;
console.log(['abcdefgh'], 'abcdefgh');
util.inspect.defaultOptions.maxStringLength = 10000;
util.inspect.defaultOptions.getters = true;
console.log({ get g() { return 1 } });
util.inspect.defaultOptions.getters = false;
util.inspect.defaultOptions.customInspect = false;
console.log({ [util.inspect.custom]() { return 'custom' } });
util.inspect.defaultOptions.customInspect = true;
console.log({ [util.inspect.custom]() { return 'custom' } });
util.inspect.defaultOptions.colors = true;
console.log({ a: 1, s: 'x' }, util.inspect('s'));
util.inspect.defaultOptions.colors = false;
console.log('defaultOptions' in util.inspect, Object.keys(util.inspect).includes('defaultOptions'));
console.log(Reflect.ownKeys(util.inspect.defaultOptions).length);
console.log(require('node:util').inspect.defaultOptions === util.inspect.defaultOptions);
