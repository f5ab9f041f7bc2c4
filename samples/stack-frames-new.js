// Stack frames of constructors and static methods as V8 13 prints them: `new F` for a
// function run by `new` (or `super()`), `Class.method` for a static method (the receiver is
// the class itself, named after it), `Fn.method` for a method stored on a function.
const frame = (e, n = 1) => e.stack.split('\n')[n].trim().split(' (')[0];
function F() { this.e = new Error(); }
console.log(frame(new F().e), frame(Reflect.construct(F, []).e));
class Base { constructor() { this.e = new Error(); } }
class Derived extends Base { constructor() { super(); } }
console.log(frame(new Base().e), frame(new Derived().e), frame(new Derived().e, 2));
class Implicit extends Base {}
console.log(frame(new Implicit().e));
console.log(frame(new (class { constructor() { this.e = new Error(); } })().e));
const o = { M: function () { this.e = new Error(); } };
console.log(frame(new o.M().e));
class S { static make() { return new Error(); } static get g() { return new Error(); } }
class T extends S {}
console.log(frame(S.make()), frame(T.make()), frame(S.g));
function Fn() {}
Fn.helper = function () { return new Error(); };
const arrow = () => {};
arrow.m = function () { return new Error(); };
console.log(frame(Fn.helper()), frame(arrow.m()));
Object.util = function () { return new Error(); };
Math.util = function () { return new Error(); };
console.log(frame(Object.util()), frame(Math.util()));
try { new F().missing(); } catch (e) { console.log(e.message); }
class Thrower { constructor() { throw new TypeError('bad'); } }
try { new Thrower(); } catch (e) { console.log(frame(e)); }
