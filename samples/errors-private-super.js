// Private names on wrong receivers, super() with a bad parent, class constructors called without new.
{
'use strict';
function t(f) { try { f(); console.log('no error') } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
t(() => { const p = { get y() { return 1 } }; const o = Object.create(p); o.constructor = function Foo() {}; o.y = 1 });
t(() => { const o = Object.create(Object.freeze({ x: 1 })); o.constructor = function Foo() {}; o.x = 1 });
t(() => { const p = new Proxy({}, {}); Object.defineProperty(p, 'x', { value: 1 }); p.x = 1 });
t(() => { const p = new Proxy({}, {}); Object.defineProperty(p, 'x', { get() {} }); p.x = 1 });
t(() => { const p = new Proxy(Object.preventExtensions({}), {}); p.x = 1 });
class A { #m() {} static s(o) { return o.#m() } get #g() { return 1 } static g(o) { return o.#g } set #h(v) {} static h(o) { o.#h = 1 } static hg(o) { return o.#h } static gs(o) { o.#g = 1 }
  #f = 1; static f(o) { return o.#f } static wf(o) { o.#f = 2 } static hf(o) { return #f in o } static mm(o) { o.#m = 1 } static sm(o) { o.#m() } }
t(() => A.s({}));
t(() => A.g({}));
t(() => A.h({}));
t(() => A.hg(new A()));
t(() => A.gs(new A()));
t(() => A.f({}));
t(() => A.wf({}));
t(() => A.f(null));
t(() => A.wf(null));
t(() => A.s(null));
t(() => A.g(null));
t(() => A.f(undefined));
t(() => A.hf(1));
t(() => A.hf(null));
t(() => A.mm(new A()));
t(() => A.f(5));
t(() => A.s(5));
class T { static #sm() {} static call(o) { return o.#sm() } static #sf = 1; static rf(o) { return o.#sf } static wf(o) { o.#sf = 1 } static get #sg() { return 1 } static rg(o) { return o.#sg } static set #ss(v) {} static ws(o) { o.#ss = 1 } }
t(() => T.call({}));
t(() => T.rf({}));
t(() => T.wf({}));
t(() => T.rg({}));
t(() => T.ws({}));
t(() => T.call(null));
t(() => T.rf(null));
class B { #p = 1; static r(o) { return o.#p } static r2(o) { return o?.#p } }
t(() => B.r(null));
t(() => B.r(undefined));
t(() => console.log(B.r2(null)));
class C extends null { constructor() { super() } }
t(() => new C());
const D = class extends null { constructor() { super() } };
t(() => new D());
t(() => new (class extends null { constructor() { super() } })());
class E extends null {}
t(() => new E());
t(() => null[Symbol.iterator]);
t(() => { for (const x of null) {} });
t(() => { for (const x of undefined) {} });
t(() => { for (const x of 5) {} });
t(() => { for (const x of {}) {} });
t(() => { const [a] = null });
t(() => { const [a] = {} });
t(() => { const [a] = 5 });
t(() => [...null]);
t(() => [...{}]);
t(() => new Map(5));
t(() => new Set({}));
t(() => Array.from({ [Symbol.iterator]: 5 }));
t(() => { for (const x of { [Symbol.iterator]() { return 5 } }) {} });
t(() => { for (const x of { [Symbol.iterator]() { return {} } }) {} });
t(() => { const [a] = { [Symbol.iterator]() { return { next() { return 5 } } } } });
t(() => (void 0)());
t(() => (void 1)());
t(() => undefined());
t(() => null());
t(() => (1, 2)());
t(() => { const o = {}; o.f() });
t(() => { const o = {}; o.a.b() });
t(() => { const o = {}; o['f' + 1]() });
t(() => { const o = {}; o[Symbol.iterator]() });
t(() => { const o = { a: {} }; o.a.b.c() });
t(() => { (() => 1)()() });
t(() => { new (void 0)() });
t(() => { new 5 });
t(() => { const o = {}; new o.f() });
t(() => { `a`() });
t(() => { (class {})() });
}
{
function t(f) { try { const r = f(); console.log('ok', r) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
const X = class { #m() {} static s(o) { o.#m() } static n(o) { return o.#m } static g(o) { return #m in o } };
t(() => X.s({}));
t(() => X.s(null));
t(() => X.n(undefined));
t(() => X.s(1));
t(() => X.g({}));
const Y = (0, class { #m() {} static s(o) { o.#m() } });
t(() => Y.s({}));
t(() => Y.s(null));
class Z { static #m() {} static s(o) { o.#m() } static get #a() { return 1 } static ra(o) { return o.#a } static set #b(v) {} static wb(o) { o.#b = 1 } static rb(o) { return o.#b } static wa(o) { o.#a = 1 } static wm(o) { o.#m = 1 } }
t(() => Z.s(Z));
t(() => Z.ra(Z));
t(() => Z.rb(Z));
t(() => Z.wa(Z));
t(() => Z.wm(Z));
t(() => Z.ra(null));
t(() => Z.wb(undefined));
t(() => Z.ra(5));
t(() => Z.wb({}));
class W { #m() {} get #a() { return 1 } set #b(v) {} static wm(o) { o.#m = 1 } static wa(o) { o.#a = 1 } static rb(o) { return o.#b } static wb(o) { o.#b = 1 } static ra(o) { return o.#a } static call(o) { return o.#m() } static upd(o) { o.#a++ } static upd2(o) { o.#m += 1 } static des(o) { [o.#m] = [1] } }
t(() => W.wm({}));
t(() => W.wa({}));
t(() => W.wm(null));
t(() => W.wb(null));
t(() => W.wb(5));
t(() => W.rb(new W()));
t(() => W.upd(new W()));
t(() => W.upd2(new W()));
t(() => W.des(new W()));
t(() => W.upd({}));
t(() => W.call(new W()));
class V { #f = 1; static w(o) { o.#f = 2 } static r(o) { return o.#f } static u(o) { return o.#f++ } static in_(o) { return #f in o } }
t(() => V.w(5));
t(() => V.w('s'));
t(() => V.r(Symbol()));
t(() => V.u({}));
t(() => V.in_('str'));
t(() => V.in_(undefined));
t(() => V.in_({}));
class Outer { static #p = 1; static m() { return class { static r(o) { return o.#p } } } }
t(() => Outer.m().r({}));
}
{
function t(f) { try { const r = f(); console.log('ok', r) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
class A extends Object { constructor() { super() } }
Object.setPrototypeOf(A, {}); t(() => new A());
class B extends Object { }
Object.setPrototypeOf(B, Math.max); t(() => new B());
class C extends Object { }
Object.setPrototypeOf(C, null); t(() => new C());
const D = class extends null {}; t(() => new D());
const obj = { E: class extends null {} }; t(() => new obj.E());
t(() => new (class extends null {})());
class F extends null { constructor() { super() } } Object.defineProperty(F, 'name', { value: 'Renamed' }); t(() => new F());
class G extends Object { constructor() { super() } } Object.setPrototypeOf(G, function* gen() {}); t(() => new G());
t(() => { class H {}; H() });
t(() => { const I = class {}; I() });
t(() => { (class {})() });
t(() => { class J {}; Object.defineProperty(J, 'name', { value: 'K' }); J() });
t(() => { class L { static m() { return new.target } }; return L.m.call() });
}
