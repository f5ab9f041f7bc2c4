// Conditions on `a.length` and compound assignments from `a[i]` or `o.x`, read in place
// when they can be: every other kind of value must still take the general path.
function sum(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
console.log(sum([1, 2, 3]));
console.log(sum("123"));
console.log(sum(new Float64Array([0.5, 1.5])));
console.log(sum({ length: 2, 0: 10, 1: 20 }));
console.log(sum([1, , 3]));
console.log(sum([1, "2", 3]));
console.log(sum([1, { valueOf: () => 41 }]));
console.log(sum(Object.assign([1, 2], { length: 3 })));
const withGetter = [1, 2];
Object.defineProperty(withGetter, 1, { get: () => 100 });
console.log(sum(withGetter));
Array.prototype[2] = 1000;
console.log(sum([1, 2, , 4]));
delete Array.prototype[2];
(function () {
  console.log(sum(arguments));
})(5, 6, 7);

// `length` of different receivers in a condition.
function count(x) {
  let n = 0;
  for (let i = 0; i < x.length; i++) n++;
  return n;
}
console.log(count([1, 2, 3]), count("abcd"), count({ length: "2" }), count({}));
console.log(count({ get length() { return 3; } }));
console.log(count(new Uint8Array(5)), count(function (a, b) {}));
class Sized extends Array {}
console.log(count(Sized.from([1, 2])));
const grows = [1];
let guard = 0;
for (let i = 0; i < grows.length && guard < 5; i++, guard++) grows.push(i);
console.log(grows);

// Index keys that are not array indices.
function at(a, k) {
  let s = 0;
  s += a[k];
  return s;
}
const odd = [10, 20];
odd[-1] = 5;
odd["1.5"] = 7;
console.log(at(odd, 0), at(odd, 1), at(odd, -1), at(odd, 1.5), at(odd, 2), at(odd, NaN));
console.log(at([1, 2], 4294967295), at("xy", 1), at(null ?? [3], 0));
try {
  at(undefined, 0);
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// Compound operators other than `+=`, and property reads.
let v = 100;
const nums = [3, 4];
const point = { x: 2, y: 0.5 };
v -= nums[0];
v *= nums[1];
v /= point.x;
v **= point.y;
v %= nums[1];
v |= nums[0];
v <<= nums[0];
console.log(v);
let str = "s";
str += nums[0];
str += point.x;
console.log(str);
let big = 1n;
try {
  big += nums[0];
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// One site, keys that are strings and numbers in turn.
function mixed(o, keys) {
  let s = 0;
  for (const k of keys) s += o[k];
  return s;
}
console.log(mixed({ a: 1, 0: 2, 1: 3 }, [0, "a", 1, "a", 0]));
console.log(mixed([5, 6], [0, "length", 1]));
