// A file with import/export runs as an ES module, as Node 20 detects it: strict code,
// `this` undefined, imports of Node's core modules, top-level await.
import { EventEmitter, once } from "node:events";
import * as timers from "timers/promises";
import util, { inspect } from "util";
import "assert";

export const VERSION = "1.0";
export function add(a, b) {
  return a + b;
}
export default class Calculator {
  sum(...xs) {
    return xs.reduce(add, 0);
  }
}
const helper = () => "helper";
export { helper, add as plus };

console.log(typeof this, typeof require, typeof module);
console.log(add(2, 3), new Calculator().sum(1, 2, 3), VERSION, helper());
console.log(inspect === util.inspect, typeof timers.setTimeout, Calculator.name);
console.log(import.meta.url === "file://" + import.meta.filename, typeof import.meta.dirname);

const emitter = new EventEmitter();
setTimeout(() => emitter.emit("ready", 42), 10);
const [value] = await once(emitter, "ready");
console.log("ready with", value);

const order = [];
for await (const tick of timers.setInterval(5, "tick")) {
  order.push(tick);
  if (order.length === 3) break;
}
console.log(order);

const { default: assert } = await import("node:assert");
assert.strictEqual(add(1, 1), 2);
try {
  await import("left-pad");
} catch (e) {
  console.log(e.code, e.message.split(" imported from")[0]);
}
try {
  undeclared = 1;
} catch (e) {
  console.log(e.name, e.message);
}
