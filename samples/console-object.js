// The global console as Node 24 shows it: tagged `console` (`Object [console] {...}`,
// `[object console]`, stack frames `at console.table`), its methods own and enumerable.
console.log(console);
console.log(Object.prototype.toString.call(console), console[Symbol.toStringTag]);
console.log(Object.getPrototypeOf(console) === Object.prototype, Object.keys(console).length);
try {
  console.table([{ a: 1 }], 'a');
} catch (e) {
  console.log(e.name, e.code, e.message, e.stack.split('\n')[1].trim().split(' (')[0]);
}
const { log } = console;
log('a detached console.log still works');
