// Direct eval code inside a class body uses the class's private names (found at run time in
// the scopes around the eval); an undeclared one is an early SyntaxError of the eval code.
class C {
  #m() { return "T"; }
  #f = 1;
  static #s = 's';
  get #g() { return 'g'; }
  set #g(v) { this.log = v; }
  run() {
    return [eval("this.#m()"), eval("this.#f"), eval("#f in this"), eval("C.#s"), eval("this.#g"),
      eval("this.#g = 5, this.log"), eval("this.#f += 2, this.#f"), (0, eval)("typeof this")];
  }
  bad(o) { try { return eval("o.#f"); } catch (e) { return e.constructor.name + ': ' + e.message; } }
}
console.log(new C().run(), new C().bad({}));
try { new C().constructor; eval("class Z { m() { return eval('this.#nope') } }; new Z().m()"); } catch (e) { console.log(e.constructor.name, e.message); }
