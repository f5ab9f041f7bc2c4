'use strict';
// The part of Node's lib/internal/util.js other core modules need without loading `util`
// (parsing util.js and what it requires is ~25 M instructions): `deprecate`, whose warning is
// emitted once per deprecation code in the process, whichever module wrapped the function.

const warned = new Set();

function deprecate(fn, msg, code) {
  let warnedThis = false;
  function deprecated(...args) {
    if (!warnedThis && !(code !== undefined && warned.has(code))) {
      warnedThis = true;
      if (code !== undefined) warned.add(code);
      binding.emitWarning(code !== undefined ? '[' + code + '] DeprecationWarning' : 'DeprecationWarning', msg);
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  return deprecated;
}

module.exports = { deprecate };
