// for...of over the built-in iterables.
const fruits = ["apple", "banana", "cherry"];
for (const fruit of fruits) {
    console.log(fruit);
}
for (const [index, fruit] of fruits.entries()) {
    console.log(`${index}: ${fruit}`);
}
console.log([...fruits.keys()]);

for (const ch of "héllo") {
    console.log(ch);
}
console.log([..."abc"].reverse().join(""));

const ages = new Map([
    ["alice", 31],
    ["bob", 27],
]);
ages.set("carol", 45);
for (const [name, age] of ages) {
    console.log(`${name} is ${age}`);
}
console.log(ages.size, ages.get("bob"), ages.has("dave"));
console.log([...ages.keys()]);
console.log([...ages.values()]);
ages.delete("alice");
console.log(Array.from(ages.entries()).length);

const tags = new Set(["js", "rust", "js", "go", "rust"]);
console.log(tags.size);
for (const tag of tags) {
    console.log("#" + tag);
}
tags.add("zig");
console.log(tags.has("zig"), tags.has("java"));
console.log([...tags]);

// Counting words with a Map
const text = "the cat and the hat and the bat";
const counts = new Map();
for (const word of text.split(" ")) {
    counts.set(word, (counts.get(word) || 0) + 1);
}
for (const [word, n] of counts) {
    console.log(word.padEnd(4, ".") + n);
}

// forEach on Map and Set
counts.forEach((value, key) => {
    if (value > 1) console.log(`${key} appears ${value} times`);
});
const unique = [...new Set([3, 1, 3, 2, 1])];
console.log(unique);
