'use strict';
// `node:module`: the `Module` constructor (its prototype is every CommonJS module object's;
// `require` on it is native, see `require.rs`) and the loader's public helpers. The loader
// itself is native: replacing `Module._load`, `Module._extensions[...]` or
// `Module.prototype.require` does not change how `require` loads.
const path = require('path');

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
}
// Its `constructor` getter (native) returns this module's exports.
Module.prototype = binding.modulePrototype();

const requireFrom = (parent) => binding.createRequire(
  parent && typeof parent.filename === 'string' ? parent.filename : path.join(process.cwd(), '[eval]'));
const anchor = requireFrom(null);

Module._cache = anchor.cache;
Module._pathCache = { __proto__: null };
Module._extensions = anchor.extensions;
Module.globalPaths = [];

const nmChars = [115, 101, 108, 117, 100, 111, 109, 95, 101, 100, 111, 110];
Module._nodeModulePaths = function (from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  for (let i = from.length - 1, p = 0, last = from.length; i >= 0; --i) {
    const code = from.charCodeAt(i);
    if (code === 47) {
      if (p !== nmChars.length) paths.push(from.slice(0, last) + '/node_modules');
      last = i;
      p = 0;
    } else if (p !== -1) {
      if (nmChars[p] === code) ++p;
      else p = -1;
    }
  }
  paths.push('/node_modules');
  return paths;
};
Module._resolveFilename = function (request, parent, isMain, options) {
  return requireFrom(parent).resolve(request, options);
};
Module._load = function (request, parent, isMain) {
  return requireFrom(parent)(request);
};
Module.builtinModules = binding.builtinModules();
Module.isBuiltin = function isBuiltin(s) {
  s = String(s);
  const list = binding.builtinModules();
  return s.startsWith('node:') ? list.includes(s.slice(5)) || list.includes(s) : list.includes(s);
};
Module.createRequire = binding.createRequire;

let wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
let wrap = function (script) { return wrapper[0] + script + wrapper[1]; };
Object.defineProperty(Module, 'wrap', {
  __proto__: null,
  get() { return wrap; },
  set(value) { wrap = value; },
  enumerable: false,
  configurable: false,
});
Object.defineProperty(Module, 'wrapper', {
  __proto__: null,
  get() { return wrapper; },
  set(value) { wrapper = value; },
  enumerable: false,
  configurable: false,
});
Module.Module = Module;

module.exports = Module;
