// A labelled block inside a function expression, method or arrow body (minified code:
// Closure Compiler's `a:{for(...)...break a}`) is a block, not an object literal.
const o = {
  toString: function (n = 15) {
    let c;
    a: { for (c = n; c % 2 === 0; c /= 2) if (c < 3) break a; c = -c; }
    return String(c);
  },
  method(x) {
    found: { if (x > 1) { break found; } return 'small'; }
    return 'big';
  },
};
console.log(o.toString(), o.toString(12), o.method(1), o.method(2));
const f = (list) => { out: { for (const v of list) if (v === 'stop') break out; return 'no stop'; } return 'stopped'; };
console.log(f(['a']), f(['stop']));
const g = function (x) { a: { if (x) try { throw 1; } catch { break a; } } return 'g'; };
console.log(g(1));
const h = { k: { nested: true } };
console.log(h, (() => ({ a: { b: 1 } }))());
