// Destructuring, spread, rest parameters and default values.
const point = { x: 10, y: 20, z: 30 };
const { x, y, ...others } = point;
console.log(x, y, others);

const { x: px, w = 99 } = point;
console.log(px, w);

const [first, , third = "default", ...tail] = [1, 2, undefined, 4, 5];
console.log(first, third, tail);

let a = 1;
let b = 2;
[a, b] = [b, a];
console.log(a, b);

function greet(name = "stranger", greeting = `Hello`) {
    return `${greeting}, ${name}!`;
}
console.log(greet());
console.log(greet("Ann"));
console.log(greet(undefined, "Hi"));

function sum(...nums) {
    return nums.reduce((acc, n) => acc + n, 0);
}
console.log(sum());
console.log(sum(1, 2, 3));
const values = [4, 5, 6];
console.log(sum(...values, 10));
console.log(Math.max(...values));

function describe({ name, age = 0, tags: [mainTag = "none"] = [] }) {
    return `${name} (${age}) #${mainTag}`;
}
console.log(describe({ name: "Rex", age: 3, tags: ["dog", "good"] }));
console.log(describe({ name: "Tom" }));

const base = { color: "red", size: 2 };
const merged = { ...base, size: 5, shape: "circle" };
console.log(merged);
const combined = [...[1, 2], ...new Set([3, 3, 4]), ..."56"];
console.log(combined);

const users = [
    { id: 1, profile: { city: "Oslo" } },
    { id: 2, profile: { city: "Lima" } },
];
for (const { id, profile: { city } } of users) {
    console.log(`user ${id} lives in ${city}`);
}

function args() {
    return arguments.length;
}
console.log(args(1, 2, 3));
console.log(((p, q = 1, ...r) => 0).length);
