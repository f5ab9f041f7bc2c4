// A file runs as a CommonJS module, as in Node: top-level declarations are local to the
// module, `this` is `module.exports`, and the wrapper's arguments are visible.
var name = "Global";
function sayHi() {
  return "Hi " + this.name;
}
const person = {
  name: "Alice",
  greet() {
    return "Hi " + this.name;
  },
};
const greet = person.greet;
console.log(person.greet());
console.log(greet()); // `this` is undefined-ish: top-level vars are not global properties
console.log(sayHi.call({ name: "Bob" }));
console.log(globalThis.name, typeof globalThis.sayHi);
console.log(this, this === module.exports, this === exports);
console.log(arguments.length, typeof require, typeof module, typeof __filename);
console.log(typeof globalThis.require, typeof globalThis.module);

// Arrow functions at the top level capture the module's `this`.
exports.answer = 42;
const arrow = () => this.answer;
console.log(arrow());

// Classes with private members extending another class, inside the module function.
class Base {
  describe() {
    return `base of ${this.constructor.name}`;
  }
}
class Derived extends Base {
  #secret = 7;
  reveal() {
    return this.#secret;
  }
}
console.log(new Derived().describe(), new Derived().reveal());

// A top-level `return` ends the module.
if (module.exports.answer === 42) {
  console.log("returning early");
  return;
}
console.log("never printed");
