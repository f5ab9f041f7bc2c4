// The order of the keys of built-in prototypes and constructors, as V8 defines them (what
// `Object.getOwnPropertyNames` and `Reflect.ownKeys` show).
const keys = (o) => Reflect.ownKeys(o).map(String).join(',');
console.log(keys(Object.getPrototypeOf(function* () {}.prototype)));
console.log(keys(Object.getPrototypeOf(async function* () {}.prototype)));
console.log(keys(Object.getPrototypeOf(function* () {})));
console.log(keys(Object.getPrototypeOf(async function* () {})));
console.log(keys(Promise));
console.log(keys(Symbol.prototype));
console.log(keys(Array.prototype));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(function* () {}.prototype)));
