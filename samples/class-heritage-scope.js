// The class heritage runs in the class scope: the class name is in its TDZ there and
// closures made there see the class (not an outer binding of the same name); private names
// in the heritage are the enclosing classes' (ClassDefinitionEvaluation, steps 8-10).
try { var x = (class x extends x {}); } catch (e) { console.log(e.constructor.name, e.message); }
var probeHeritage, setHeritage;
class C extends (probeHeritage = function () { return C; }, setHeritage = function () { C = null; }) {
  method() { return C; }
}
const cls = C; C = null;
console.log(C, probeHeritage() === cls);
try { setHeritage(); } catch (e) { console.log(e.constructor.name, e.message); }
class Outer {
  #x = 'outer x';
  make() {
    const self = this;
    return class Inner extends (console.log('heritage sees', self.#x), Object) { #x = 'inner'; get() { return this.#x; } };
  }
}
console.log(new (new Outer().make())().get());
for (let i = 0; i < 2; i++) {
  try { const K = class K extends (i === 1 ? K : Object) {}; console.log('ok', i, K.name); } catch (e) { console.log(i, e.constructor.name, e.message); }
}
function* g() { class D extends (probe = () => D, yield 'h', Object) {} return probe() === D; }
var probe; const it = g(); console.log(it.next(), it.next());
// A function made in the heritage, and a class in the heritage's heritage, see the enclosing
// class's private names, not the new class's.
class Holder {
  static #tag = 'holder tag';
  static build() {
    return class Made extends (function () { console.log('fn in heritage:', Holder.#tag); }, class extends (console.log('nested:', Holder.#tag), Object) {}) {
      static #tag = 'made tag';
      static tag() { return Made.#tag; }
    };
  }
}
console.log(Holder.build().tag());
