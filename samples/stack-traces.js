// Stack traces printed to stdout look like Node's (with this file's path replaced): the
// module's code is `Object.<anonymous>`, below it Node's CommonJS loader frames.
const clean = (s) => s.split(__filename).join("<file>");

function inner() {
  return new Error("from inner");
}
function outer() {
  return inner();
}
console.log(clean(new Error("top level").stack));
console.log(clean(outer().stack));
try {
  undefinedFunction();
} catch (e) {
  console.log(clean(e.stack));
}
