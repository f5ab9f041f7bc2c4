// A newline after `return`/`break`/`continue` inserts a semicolon; what follows starts a new
// statement, so `let` declares and `{` opens a block (postcss's tokenizer: `return\n\n let x`).
function f(p) {
  if (p) return

  let x = 'declared after return'
  return x
}
console.log(f(0), f(1));

function g() {
  const out = [];
  for (let i = 0; i < 3; i++) {
    if (i === 1) continue
    let label = 'item ' + i
    out.push(label)
  }
  for (;;) { break
    let never = 1 }
  return out
}
console.log(g());

function h(a) {
  if (a) return
  { const { x } = { x: 1 }; if (x) console.log('block after return runs', x) }
  return 'h'
}
console.log(h(0), h(1));

function k() {
  return
  { let y = 2; console.log(y) }
}
console.log(k());

function m(a) {
  if (a) return
  lbl: for (const v of [1, 2]) { if (v) break lbl }
  return
  /unreachable regex/.test('x')
}
console.log(m(0));
