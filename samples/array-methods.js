// A tour of array methods.
const inventory = [
    { name: "apples", type: "fruit", qty: 5, price: 1.2 },
    { name: "carrots", type: "vegetable", qty: 12, price: 0.5 },
    { name: "bananas", type: "fruit", qty: 0, price: 0.8 },
    { name: "leeks", type: "vegetable", qty: 3, price: 2.1 },
    { name: "cherries", type: "fruit", qty: 40, price: 0.1 },
];

console.log(inventory.map((item) => item.name));
console.log(inventory.filter((item) => item.qty > 0).length);
const total = inventory.reduce((sum, item) => sum + item.qty * item.price, 0);
console.log(total.toFixed(2));
console.log(inventory.find((item) => item.type === "vegetable").name);
console.log(inventory.findIndex((item) => item.qty === 0));
console.log(inventory.some((item) => item.qty === 0), inventory.every((item) => item.price < 5));

const byType = inventory.reduce((groups, item) => {
    (groups[item.type] ||= []).push(item.name);
    return groups;
}, {});
for (const [type, names] of Object.entries(byType)) {
    console.log(type, names);
}

const sorted = [...inventory].sort((a, b) => a.price - b.price).map((i) => i.name);
console.log(sorted);
console.log(["pear", "Apple", "fig", "banana"].sort());
console.log([10, 9, 1, 100, 25].sort());
console.log([10, 9, 1, 100, 25].sort((a, b) => a - b));

const nested = [1, [2, 3], [4, [5, [6]]]];
console.log(JSON.stringify(nested.flat()));
console.log(nested.flat(Infinity));
console.log(["a b", "c"].flatMap((s) => s.split(" ")));

const letters = ["a", "b", "c", "d", "e"];
console.log(letters.includes("c"), letters.indexOf("d"), letters.lastIndexOf("z"));
console.log(letters.slice(1, 3), letters.slice(-2));
console.log(letters.join("-"));
console.log(letters.at(-1));

const arr = [1, 2, 3, 4, 5];
const removed = arr.splice(1, 2, "x", "y", "z");
console.log(arr, removed);
console.log(arr.reverse());
arr.unshift(0);
console.log(arr.push(9), arr.pop(), arr.shift(), arr);

console.log(Array.from({ length: 5 }, (_, i) => i * i));
console.log(Array.of(7, 8), new Array(3).fill(0));
console.log([3, 1, 2].concat([4], 5));
console.log([1, 2, 3].reduceRight((acc, n) => acc + n, ""));
console.log([5, 1, 4].toString(), String([1, [2, 3]]));
console.log(Array.isArray([]), Array.isArray("no"));
console.log([1, 2, 3, 4].findLast((n) => n % 2 === 1));

const matrix = [
    [1, 2, 3],
    [4, 5, 6],
];
const transposed = matrix[0].map((_, col) => matrix.map((row) => row[col]));
console.log(JSON.stringify(transposed));
console.log([..."mississippi"].filter((c, i, all) => all.indexOf(c) === i).join(""));
