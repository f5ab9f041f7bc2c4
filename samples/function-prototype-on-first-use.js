// A plain function's `prototype` is made on first use (issue #12); nothing a script can do tells.
const util = require('util');
function f(a, b) {}
console.log(Object.getOwnPropertyNames(f));
console.log(Reflect.ownKeys(f));
console.log(f.hasOwnProperty('prototype'), Object.hasOwn(f, 'prototype'), 'prototype' in f);
console.log(f.prototype === f.prototype, f.prototype.constructor === f);
console.log(Object.getOwnPropertyDescriptor(f, 'prototype'));
console.log(Object.getOwnPropertyNames(f.prototype), Object.keys(f.prototype));
console.log(Object.getOwnPropertyDescriptor(f.prototype, 'constructor'));
function g() {}
const o = new g();
console.log(Object.getPrototypeOf(o) === g.prototype, o instanceof g, o.constructor === g);
function h() {}
console.log(o instanceof h, Object.getOwnPropertyNames(h));
function k() {}
Object.freeze(k);
console.log(Object.isFrozen(k), Object.getOwnPropertyDescriptor(k, 'prototype'));
console.log(k.prototype.constructor === k, Object.isFrozen(k.prototype));
function d() {}
console.log(delete d.prototype, typeof d.prototype);
function e() {}
e.prototype = { x: 1 };
console.log(e.prototype, new e().x);
function e2() {}
Object.defineProperty(e2, 'prototype', { writable: false });
console.log(Object.getOwnPropertyDescriptor(e2, 'prototype'));
e2.prototype = 5;
console.log(typeof e2.prototype, e2.prototype.constructor === e2);
function e3() {}
Object.defineProperty(e3, 'prototype', { value: 42 });
console.log(e3.prototype, new e3() instanceof Object);
try { Object.defineProperty(function () {}, 'prototype', { get() {} }); } catch (err) { console.log(err.message); }
function fi() {}
for (const key in fi) console.log('key', key);
console.log(util.inspect(function named() {}, { showHidden: true }));
console.log(util.inspect(fi, { showHidden: true, depth: 4 }));
function base() { this.b = 1; }
class Sub extends base {}
console.log(new Sub(), Object.getPrototypeOf(Sub.prototype) === base.prototype);
function nt() {}
const arr = Reflect.construct(Array, [], nt);
console.log(Object.getPrototypeOf(arr) === nt.prototype);
function sp() {}
console.log({ ...sp }, Object.assign({}, sp), Object.entries(sp), JSON.stringify(Object.getOwnPropertyDescriptors(sp)));
const a1 = () => {}, m = { m() {} }, as = async function () {}, gen = function* () {};
console.log(a1.hasOwnProperty('prototype'), m.m.hasOwnProperty('prototype'), as.hasOwnProperty('prototype'), Object.getOwnPropertyNames(gen), Object.getOwnPropertyNames(gen.prototype));
'use strict';
const sf = function () { 'use strict'; };
console.log(Object.getOwnPropertyNames(sf), sf.prototype.constructor === sf);
function pp() {}
const c = Object.create(pp);
console.log(c.prototype === pp.prototype, pp.prototype.constructor === pp, c.hasOwnProperty('prototype'));
console.log(Object.getOwnPropertyNames(pp));
function sealed() {}
function pe() {}
Object.preventExtensions(pe); console.log(typeof pe.prototype, Object.isExtensible(pe.prototype));
console.log(util.inspect(new (function Foo() { this.x = 1; })()));
function Bar() {}
Bar.prototype.greet = function () { return 'hi'; };
console.log(new Bar().greet(), util.inspect(Bar.prototype, { showHidden: true }));
console.log(util.inspect(Object.getOwnPropertyDescriptors(function zz() {}), { depth: 0 }));
