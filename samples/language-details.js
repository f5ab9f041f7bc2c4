// Language details tutorials run into: names of class-field functions, parenthesized method
// calls, and recursion as deep as Node allows.
class Counter {
  count = 0;
  inc = () => {
    this.count++;
  };
  static create = function () {
    return new Counter();
  };
  #secret = () => "hidden";
  ["computed" + 1] = function () {};
  reveal() {
    return this.#secret.name;
  }
}
const c = Counter.create();
c.inc();
console.log(c.inc.name, Counter.create.name, c.reveal(), c.computed1.name);
console.log(c);

const obj = {
  value: 42,
  get() {
    return this === obj ? this.value : "lost this";
  },
};
console.log((obj.get)(), (obj["get"])(), (0, obj.get)());

function sumTo(n) {
  return n === 0 ? 0 : n + sumTo(n - 1);
}
console.log(sumTo(5000));

async function countDown(n) {
  if (n === 0) return 0;
  return 1 + (await countDown(n - 1));
}
countDown(5000).then((v) => console.log("async depth", v));

function runaway() {
  return runaway();
}
try {
  runaway();
} catch (e) {
  console.log(e instanceof RangeError, e.message);
}

// `await` and `yield` inside tagged template substitutions.
const tag = (strings, ...values) => strings.raw.join("|") + " <- " + values.join(",");
(async () => {
  console.log(tag`x${await Promise.resolve(1)}y${2}z${await 3}`);
})();
function* templated() {
  return tag`a${yield "first?"}b${yield "second?"}`;
}
const t = templated();
console.log(t.next().value, t.next("one").value, t.next("two").value);
