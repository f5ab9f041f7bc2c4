// Mapped arguments objects (sloppy functions with simple parameters) against unmapped ones.
function f1(a) { a = 9; return arguments[0]; }
function f2(a) { arguments[0] = 9; return a; }
function f3(a, b) { b = 5; return [arguments[1], arguments.length, arguments[2]]; }
function f4(a) { const g = () => a; a = 9; return [arguments[0], g()]; }
function f5(a) { 'use strict'; a = 9; return arguments[0]; }
function f6(a = 0) { a = 9; return arguments[0]; }
function f7(a, a) { a = 9; return [arguments[0], arguments[1]]; }
function f8(a) { function a() {} return typeof arguments[0]; }
function f9(a) { delete arguments[0]; a = 3; arguments[0] = 4; return [a, arguments[0]]; }
function f10(a) { Object.defineProperty(arguments, '0', { value: 7 }); const x = a; a = 8; return [x, arguments[0]]; }
function f11(a) { Object.defineProperty(arguments, '0', { writable: false }); a = 8; return [a, arguments[0], Object.getOwnPropertyDescriptor(arguments, '0')]; }
function f12(a) { Object.defineProperty(arguments, '0', { get() { return 'g'; } }); a = 8; return [a, arguments[0]]; }
function f13(a) { Object.defineProperty(arguments, '0', { enumerable: false }); a = 8; return [arguments[0], Object.keys(arguments), JSON.stringify(Object.getOwnPropertyDescriptor(arguments, '0'))]; }
function f14(a, b) { Object.freeze(arguments); a = 1; b = 2; return [arguments[0], arguments[1], Object.isFrozen(arguments)]; }
function f15(a, b) { Object.defineProperty(arguments, '0', { configurable: false }); a = 3; return [delete arguments[0], arguments[0], Reflect.ownKeys(arguments)]; }
function f16(a) { return arguments; }
function f17(a, b, c) { a = 'x'; return [...arguments].concat(Array.prototype.slice.call(arguments, 1), Array.from(arguments)); }
function f18(a) { arguments.length = 0; a = 2; return [arguments[0], Array.prototype.join.call(arguments)]; }
function f19(a, b) { [].reverse.call(arguments); return [a, b]; }
function f20(a) { var arguments; a = 2; return arguments[0]; }
function f21(a) { eval('a = 5'); return arguments[0]; }
function* f22(a) { a = 6; yield arguments[0]; }
async function f23(a) { a = 7; await null; return arguments[0]; }
console.log(f1(1), f2(1), f3(1, 2, 3), f4(1), f5(1), f6(1), f7(1, 2), f8(1), f9(1));
console.log(f10(1), f11(1), f12(1), f13(1));
console.log(f14(0, 0), f15(1), f16(1, 2), f16());
console.log(f17(1, 2, 3), f18(1), f19(1, 2), f20(1), f21(1), [...f22(1)]);
const strictAgain = (function (a) { 'use strict'; arguments[0] = 2; return a; })(1);
console.log(strictAgain, Object.prototype.toString.call(f16(1)), typeof f16(1).callee);
f23(1).then(v => console.log('async', v));
const o = { m(a) { a = 3; return arguments[0]; } };
console.log(o.m(1), (function (a) { arguments[0] = 'z'; return a; })());
