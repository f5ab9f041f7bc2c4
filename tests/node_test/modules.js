// node:test is reachable only with its scheme (Node's schemelessBlockList).
try { require('test'); } catch (e) { console.log(e.code); }
console.log(typeof require('node:test'), require('node:test') === require('node:test').test);
const t = require('node:test');
console.log(typeof t.describe, typeof t.it, typeof t.suite, typeof t.before, typeof t.mock.fn, t.it === t.test);
console.log(process.getBuiltinModule('test'), typeof process.getBuiltinModule('node:test'));
console.log(require('module').isBuiltin('node:test'), require('module').isBuiltin('test'));
