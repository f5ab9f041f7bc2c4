// Building arrays by index: a[a.length] = x, out[i] = f(x), and the cases where the
// write is not a plain append (a setter or a read-only index on a prototype, a frozen or
// non-extensible array, a non-writable length, holes, subclasses).
const squares = [];
for (let i = 0; i < 5; i++) squares[i] = i * i;
console.log(squares, squares.length);

const log = [];
log[log.length] = "a";
log[log.length] = "b";
console.log(log, log.length);

// A setter for index 3 on Array.prototype is called instead of appending. (Nothing is
// logged while the prototypes carry indexed properties: Node's console uses arrays too.)
const calls = [];
Object.defineProperty(Array.prototype, 3, {
  set(v) {
    calls.push(`setter got ${v}, length ${this.length}`);
  },
  configurable: true,
});
const viaSetter = [0, 1, 2];
viaSetter[3] = "three";
const afterSetter = [viaSetter.length, Object.hasOwn(viaSetter, 3)];
delete Array.prototype[3];
console.log(calls, viaSetter, afterSetter);

// A read-only index on Object.prototype: the append is refused (a TypeError in strict code).
Object.defineProperty(Object.prototype, 2, { value: "proto", writable: false, configurable: true });
const readOnly = [0, 1];
readOnly[2] = "mine";
const sloppy = [readOnly.length, readOnly[2], Object.hasOwn(readOnly, 2)];
let strictError;
(function () {
  "use strict";
  try {
    readOnly[2] = "strict";
  } catch (e) {
    strictError = `${e.constructor.name}: ${e.message}`;
  }
})();
delete Object.prototype[2];
console.log(sloppy, strictError);
readOnly[2] = "now";
console.log(readOnly, readOnly.length);

// Frozen, sealed, non-extensible arrays and a non-writable length.
const frozen = Object.freeze([1, 2]);
frozen[2] = 3;
console.log(frozen, frozen.length);
const sealed = Object.seal([1, 2]);
sealed[2] = 3;
console.log(sealed, sealed.length);
const fixedLength = [1, 2];
Object.defineProperty(fixedLength, "length", { writable: false });
fixedLength[2] = 3;
console.log(fixedLength, fixedLength.length);
(function () {
  "use strict";
  try {
    fixedLength[2] = 3;
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
})();

// Filling `new Array(n)` and holes, also with a setter for a hole's index on the prototype.
const filled = new Array(4);
for (let i = 0; i < 4; i++) filled[i] = `#${i}`;
console.log(filled, filled.length);
const backwards = new Array(3);
for (let i = 2; i >= 0; i--) backwards[i] = i;
console.log(backwards);
const holeCalls = [];
Object.defineProperty(Array.prototype, 1, {
  set(v) {
    holeCalls.push(`hole setter got ${v}`);
  },
  configurable: true,
});
const withHole = [0, , 2];
withHole[1] = "one";
const holeState = [Object.hasOwn(withHole, 1), withHole.length];
delete Array.prototype[1];
console.log(holeCalls, holeState);
const definedHole = [0, , 2];
Object.defineProperty(definedHole, 1, { value: "fixed", writable: false, enumerable: true, configurable: true });
definedHole[1] = "changed";
console.log(definedHole);

// Holes and sparse writes.
const holes = [1, , 3];
holes[3] = 4;
holes[10] = 11;
console.log(holes, holes.length);

// A subclass of Array, and an array whose prototype is replaced.
class Stack extends Array {}
const st = new Stack();
st[0] = "x";
st[st.length] = "y";
console.log(st, st.length, st instanceof Stack);
const plain = [];
Object.setPrototypeOf(plain, { set 0(v) { console.log("own-proto setter", v); } });
plain[0] = "z";
console.log(plain.length, Object.keys(plain));

// A Proxy over an array sees the append as set + defineProperty.
const seen = [];
const p = new Proxy([], {
  set(t, k, v, r) { seen.push(`set ${String(k)}`); return Reflect.set(t, k, v, r); },
  defineProperty(t, k, d) { seen.push(`define ${String(k)}`); return Reflect.defineProperty(t, k, d); },
});
p[0] = 1;
p[p.length] = 2;
console.log(seen, p.length);

// Many appends, then reading them back.
const big = [];
for (let i = 0; i < 100000; i++) big[i] = i % 7;
let sum = 0;
for (let i = 0; i < big.length; i++) sum += big[i];
console.log(big.length, sum);
