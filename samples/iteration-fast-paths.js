// for-of over a generator or an array iterator whose `next` is the built-in one skips the
// { value, done } objects; everything observable must stay as in Node.
function* g() {
  yield 1;
  yield* [2, 3];
  yield* inner();
  return 9;
}
function* inner() {
  const r = yield 4;
  console.log("inner got", r);
}
for (const x of g()) console.log(x);
const it = [1, 2, 3][Symbol.iterator]();
for (const x of it) {
  console.log(x);
  if (x === 2) break;
}
console.log([...it], [...g()], Array.from(new Set([5, 6])));
const a = [1, 2];
a[Symbol.iterator] = function* () {
  yield "own";
};
for (const x of a) console.log(x);
const ai = [7, 8][Symbol.iterator]();
ai.next = () => ({ done: true });
for (const x of ai) console.log("never", x);
// A yield* delegate whose results have getters: read once each, in order.
const tricky = {
  [Symbol.iterator]() {
    let n = 0;
    return {
      next() {
        n++;
        return {
          get done() {
            console.log("done read", n);
            return n > 2;
          },
          get value() {
            console.log("value read", n);
            return n;
          },
        };
      },
    };
  },
};
function* deleg() {
  yield* tricky;
}
for (const x of deleg()) console.log("got", x);
const gen = g();
gen.next = function () {
  return { done: true, value: "patched" };
};
for (const x of gen) console.log("never", x);
function* thrower() {
  yield 1;
  throw new Error("boom");
}
try {
  for (const x of thrower()) console.log(x);
} catch (e) {
  console.log(e.message);
}
const ta = new Uint8Array([3, 4]);
for (const x of ta) console.log(x);
const arr = [1, , 3];
for (const x of arr) console.log(x);
