// A deprecation code warns once per process, whichever core module wrapped the function:
// buffer's SlowBuffer and util.deprecate share the registry (DEP0030 here).
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));
const { SlowBuffer } = require('buffer');
console.log(SlowBuffer.name, typeof SlowBuffer, Object.getPrototypeOf(SlowBuffer).name);
console.log(SlowBuffer(4).length, SlowBuffer(2).length);
const util = require('util');
const f = util.deprecate(() => 'f ran', 'same code, no second warning', 'DEP0030');
console.log(f(), f.name);
const g = util.deprecate(function g() { return 'g ran'; }, 'a new code warns once', 'DEP9999');
console.log(g(), g());
const h = util.deprecate(() => 'h ran', 'no code: warns once per function');
console.log(h(), h());
