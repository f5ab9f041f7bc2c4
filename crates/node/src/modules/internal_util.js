'use strict';
// The part of Node's lib/internal/util.js other core modules need without loading `util`
// (parsing util.js and what it requires is ~25 M instructions): `deprecate`, whose warning is
// emitted once per deprecation code in the process, whichever module wrapped the function.

const warned = new Set();

function deprecate(fn, msg, code, modifyPrototype = true) {
  if (code !== undefined && typeof code !== 'string') {
    throw binding.invalidArgType('code', 'of type string', code);
  }
  let warnedThis = false;
  function deprecated(...args) {
    if (!process.noDeprecation && !warnedThis && !(code !== undefined && warned.has(code))) {
      warnedThis = true;
      if (code !== undefined) warned.add(code);
      binding.emitWarning(code !== undefined ? '[' + code + '] DeprecationWarning' : 'DeprecationWarning', msg);
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  if (modifyPrototype) {
    // The wrapper keeps fn's prototype chain, `prototype` and `length`, as Node's does.
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    Object.defineProperty(deprecated, 'length', {
      __proto__: null,
      ...Object.getOwnPropertyDescriptor(fn, 'length'),
    });
  }
  return deprecated;
}

module.exports = { deprecate };
