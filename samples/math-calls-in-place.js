// Math's functions called on numbers without a stack entry: the results and every call
// that is not of that shape (other receivers, other arguments, replaced functions) as before.
const xs = [0, -0, 1.5, -1.5, 2.5, -2.5, NaN, Infinity, -Infinity, 1e21, 0.49999999999999994];
for (const x of xs) {
  console.log(x, Math.floor(x), Math.ceil(x), Math.round(x), Math.trunc(x), Math.abs(x), Math.sign(x),
    Math.sqrt(x), Math.fround(x), Math.clz32(x), Math.cbrt(x));
}
console.log(Math.max(), Math.min(), Math.max(1, NaN, 3), Math.min(-0, 0), Object.is(Math.max(-0, 0), 0));
console.log(Math.max(...[4, 9, 2]), Math.hypot(3, 4), Math.hypot(), Math.imul(0xffffffff, 5), Math.pow(2, 0.5));
console.log(Math.atan2(1, 1), Math.log(Math.E), Math.exp(1), Math.f16round(1.337));
let conversions = 0;
const tricky = { valueOf() { conversions++; return 2.7; } };
console.log(Math.floor(tricky), Math.max(1, tricky, "3"), Math.floor("4.5"), Math.abs(null), Math.round([7.5]));
console.log("valueOf ran", conversions, "times");
try {
  Math.floor(1n);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  Math.max(1, Symbol());
} catch (e) {
  console.log(e.constructor.name, e.message);
}
const r = Math.random();
console.log(r >= 0 && r < 1);

// Other receivers and replaced functions take the call.
const floor = Math.floor;
console.log(floor(2.5), Math.floor.call(null, 3.5), Reflect.apply(Math.ceil, undefined, [1.1]));
const m = Math;
console.log(m.floor(5.5));
const fake = { floor: Math.floor, max: (a, b) => "not math" };
console.log(fake.floor(6.5), fake.max(1, 2));
const savedFloor = Math.floor;
Math.floor = function (x) {
  return "replaced " + savedFloor(x);
};
console.log(Math.floor(7.5));
Math.floor = savedFloor;
Math.custom = function () {
  return new Error("custom").stack.split("\n")[1].trim().split(" (")[0];
};
console.log(Math.custom(1));
Math.parse = JSON.parse;
console.log(Math.parse(8));
try {
  Math.parse(9, 10);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
let total = 0;
for (let i = 0; i < 1000; i++) total += Math.floor(i / 3) + Math.max(i % 7, 3) - Math.abs(-i);
console.log(total);
