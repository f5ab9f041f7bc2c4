// util.getCallSites(): the caller's stack frames as plain objects (function name, script,
// line and column), Node's loader and timer frames included; no built-in frames.
const util = require('util');
const path = require('path');
const show = (sites) => sites.map((c) => [c.functionName, path.basename(c.scriptName), c.lineNumber,
  c.columnNumber, c.column === c.columnNumber, typeof c.scriptId]);

class Shape {
  where() { return util.getCallSites(); }
  static make() { return new Shape().where(); }
}
function outer() { return Shape.make(); }
console.log(show(outer()));

const top = util.getCallSites(2);
console.log(top.length, Object.keys(top[0]), Object.getPrototypeOf(top[0]));
console.log(util.getCallSites({ sourceMap: false }).length, util.getCallSites(1, {}).length);
console.log(show([1].map(function inMap() { return util.getCallSites(3); })[0]));
// Eval code and `new Function` bodies have no script name; the latter reports itself as eval.
console.log(show(eval('util.getCallSites(1)')), new Function('u', 'return u.getCallSites(1)')(util)[0].functionName);

for (const args of [[0], [201], ['x'], [1.5], [1, { sourceMap: 1 }], [{ sourceMap: 'no' }], [1, null]]) {
  try {
    util.getCallSites(...args);
    console.log('ok');
  } catch (e) {
    console.log(e.code, e.message);
  }
}

setTimeout(function onTimer() {
  console.log('timer', show(util.getCallSites()));
  setImmediate(function onImmediate() {
    console.log('immediate', show(util.getCallSites()));
  });
}, 1);
process.nextTick(function onTick() {
  console.log('tick', show(util.getCallSites()));
});
Promise.resolve().then(function onThen() {
  console.log('then', show(util.getCallSites()));
});
(async function asyncFn() {
  await null;
  console.log('after await', show(util.getCallSites()));
})();
