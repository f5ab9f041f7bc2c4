// Call environments are reused between calls when nothing keeps them (session 8): every
// way a scope can outlive its call must still see its own bindings.
function counter(start) {
  let n = start;
  return { inc: () => ++n, get: () => n };
}
const a = counter(10);
const b = counter(20);
function scratch(x) { let y = x * 2; const z = [y]; return z[0]; }
scratch(1);
scratch(2);
console.log(a.inc(), a.inc(), b.inc(), a.get(), b.get());

// Recursion: each level has its own bindings.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function sum(n) { let t = n; if (n > 0) t += sum(n - 1); return t; }
console.log(fib(20), sum(200));

// A throw out of a call leaves nothing behind for the next one.
function maybeThrow(x) { let k = x; if (x) throw new Error('k=' + k); return k; }
try { maybeThrow(3); } catch (e) { console.log(e.message); }
console.log(maybeThrow(0));

// Block scopes, loops and closures created in loops.
function loops() {
  const fs = [];
  for (let i = 0; i < 3; i++) fs.push(() => i);
  let s = 0;
  for (const x of [1, 2, 3]) { let d = x * 10; s += d; }
  { let inner = 'block'; s += inner.length; }
  return fs.map((f) => f()).join() + ' ' + s;
}
console.log(loops(), loops());

// Direct eval and arguments.
function withEval(src) { var v = 5; return eval(src); }
const g = withEval('(() => v)');
withEval('1');
console.log(g(), withEval('v + 1'));
function args() { return arguments; }
const ao = args(1, 2);
args(3);
console.log(ao[0], ao[1], ao.length);

// Generators and async functions keep their scope across suspensions.
function* gen(n) { let i = n; while (true) yield i++; }
function startGen() { return gen(7); }
const it = startGen();
startGen();
console.log(it.next().value, it.next().value);
async function later(x) { let y = x; await null; return y * 2; }
later(21).then((v) => console.log('async', v));

// Derived constructors read `this` from their environment after the body.
class A { constructor(x) { this.x = x; } }
class B extends A { constructor(x) { super(x); this.y = x + 1; } }
class C extends A { constructor() { return undefined; } }
try { new C(); } catch (e) { console.log(e.constructor.name, e.message); }
const b1 = new B(1);
const b2 = new B(5);
console.log(b1.x, b1.y, b2.x, b2.y);

// FunctionDeclarationInstantiation: a hoisted function replaces a parameter of the same
// name; a repeated parameter name binds the last argument.
function f(p) { function p() {} return typeof p; }
function* fg(p) { function p() {} yield typeof p; }
function dup(q, q) { return q; }
console.log(f(1), fg(1).next().value, dup(1, 2), dup(1));

// Numbers: the inline operator paths and integer remainders.
let acc = 0;
for (let i = 0; i < 1000; i++) { acc = (acc + i * 7) % 1003; if ((i & 63) === 0) acc ^= i; }
console.log(acc, 7 % 3, -7 % 3, Object.is(-6 % 3, -0), 5.5 % 2, 2 ** 53 % 3, 1e300 % 7, 4 % 0);
console.log(1 < 2, 2 <= 2, 3 > 4, 3 >= 3, 1 === 1, 1 !== 1, 0.1 + 0.2, 3 - 5, 4 * 2.5, NaN === NaN);
let u = 1.5;
u++;
u--;
++u;
let s = 'x';
s++;
console.log(u, s);
