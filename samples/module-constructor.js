// `require('module')` is the Module constructor; every CommonJS module object inherits from
// Module.prototype (`module.require`, `module._compile`, a `constructor` getter, so
// util.inspect still prints module objects as plain objects). source-map-support's
// `hookRequire` and resolve-from-style packages use these.
const Module = require('module');
console.log(typeof Module, Module.name, Module.Module === Module, module instanceof Module);
console.log(module.constructor === Module, Object.getPrototypeOf(module) === Module.prototype);
console.log(Object.keys(Module.prototype).includes('require'), typeof module.require, typeof Module.prototype._compile);
console.log(module.require('path') === require('path'), Module._load('path', module) === require('path'));
console.log(Module._resolveFilename('./module-constructor.js', module) === __filename);
console.log(Module._nodeModulePaths('/a/node_modules/b/c'), Module._nodeModulePaths('/'));
console.log(Module.wrap('x'), Module.wrapper.length, Module.isBuiltin('node:fs'), Module.builtinModules.includes('path'));
console.log(Module._cache === require.cache, Object.getPrototypeOf(Module._cache));

const m = new Module('virtual', module);
console.log(m);
m._compile('exports.answer = 6 * 7; exports.kind = typeof require; exports.here = __filename;', __filename);
console.log(m.exports.answer, m.exports.kind, m.exports.here === __filename);
const keys = [];
for (const k in m) keys.push(k);
console.log(keys.filter((k) => k === 'require' || k === '_compile'));

try {
  module.require('');
} catch (e) {
  console.log(e.code, e.message);
}
try {
  module.require('./no-such-file');
} catch (e) {
  console.log(e.code);
}
const srcMapStyle = Module.prototype._compile;
console.log(typeof srcMapStyle, srcMapStyle.name, Module.prototype.require.name);
