// Blocks nested as loop bodies and `if` branches: completion values (seen through eval),
// break/continue with labels, and blocks that declare something (their own scope).
console.log(eval('for (let i = 0; i < 3; i++) { i * 10; }'));
console.log(eval('let n = 0; while (n < 4) { n++; if (n % 2) { "odd " + n; } else { "even " + n; } }'));
console.log(eval('if (true) { 1; } else { 2; }'), eval('if (false) { 1; }'), eval('if (true) {}'));
console.log(eval('do { 5; break; } while (true)'), eval('for (const x of [1, 2]) { x; continue; }'));
console.log(eval('outer: for (let i = 0; i < 3; i++) { for (;;) { if (i === 1) { "skip"; continue outer; } i; break; } }'));

// A block with declarations gets its own bindings on every pass.
const fns = [];
for (let i = 0; i < 3; i++) {
  if (i !== 1) {
    const j = i * 2;
    fns.push(() => j);
  } else {
    function inner() { return 'hoisted'; }
    fns.push(inner);
  }
}
console.log(fns.map((f) => f()));

// Shadowing inside a branch block leaves the outer binding alone.
let k = 'outer';
for (let i = 0; i < 2; i++) {
  if (i) { let k = 'inner'; k += i; } else { k += i; }
}
console.log(k);

// Generators suspending inside nested blocks resume where they stopped.
function* g() {
  for (let i = 0; i < 3; i++) {
    if (i % 2 === 0) { yield `even ${i}`; } else { yield `odd ${i}`; }
  }
  let n = 0;
  while (n < 2) { n++; { yield n; } }
}
console.log([...g()]);
