// includes / indexOf / lastIndexOf over dense arrays, holes, and arrays changed while the
// search's start is converted.
const a = [1, 2, NaN, -0, "3", undefined, null, { k: 1 }];
console.log(a.includes(NaN), a.indexOf(NaN), a.includes(0), a.indexOf(0), a.indexOf(+0));
console.log(a.includes("3"), a.includes(3), a.indexOf(undefined), a.indexOf(null));
console.log(a.includes(2, 2), a.includes(2, -7), a.indexOf(2, -100), a.indexOf(1, 8), a.indexOf("3", 4.9));
console.log(a.includes({ k: 1 }), a.indexOf(a[7]), a.lastIndexOf(a[7]), a.lastIndexOf(1, -9));

// Holes: includes reads them as undefined, indexOf skips them.
const holes = [1, , 3];
console.log(holes.includes(undefined), holes.indexOf(undefined), holes.lastIndexOf(undefined));
Array.prototype[1] = "from proto";
console.log(holes.includes("from proto"), holes.indexOf("from proto"), holes.includes(undefined));
delete Array.prototype[1];

// The start's valueOf shortens or grows the array: the length read first still counts.
const shrinking = [1, 2, 3];
console.log(shrinking.includes(undefined, { valueOf() { shrinking.length = 0; return 0; } }));
const shrinking2 = [1, 2, 3];
console.log(shrinking2.indexOf(undefined, { valueOf() { shrinking2.length = 1; return 0; } }));
const growing = [1, 2, 3];
console.log(growing.includes(4, { valueOf() { growing.push(4); return 0; } }));
console.log(growing.indexOf(4), growing.includes(4));

// Array-likes, strings' characters, typed arrays.
const like = { length: 3, 0: "a", 2: "c" };
console.log(Array.prototype.includes.call(like, undefined), Array.prototype.indexOf.call(like, "c"));
console.log([..."hello"].indexOf("l"), Array.prototype.includes.call("hello", "o"));
console.log(new Float64Array([1, NaN]).includes(NaN), new Int8Array([5, 6]).indexOf(6));

// A big search.
const big = Array.from({ length: 100000 }, (_, i) => i * 2);
let found = 0;
for (let i = 0; i < 200; i++) if (big.includes(i * 1000)) found++;
console.log(found, big.indexOf(199998), big.indexOf(199999), big.lastIndexOf(0));
