// yield* delegates to another iterable or generator.
function* letters() {
    yield "a";
    yield "b";
    return "letters done";
}

function* numbers() {
    yield 1;
    yield 2;
}

function* combined() {
    const result = yield* letters();
    console.log("inner returned: " + result);
    yield* numbers();
    yield* [10, 20];
    yield* "xy";
}

console.log([...combined()].join(" "));

// Recursive delegation: walking a tree
const tree = {
    value: 1,
    children: [
        { value: 2, children: [{ value: 4, children: [] }] },
        { value: 3, children: [{ value: 5, children: [] }, { value: 6, children: [] }] },
    ],
};

function* walk(node, depth = 0) {
    yield " ".repeat(depth * 2) + node.value;
    for (const child of node.children) {
        yield* walk(child, depth + 1);
    }
}

for (const line of walk(tree)) {
    console.log(line);
}

// Flattening nested arrays with a recursive generator
function* flatten(items) {
    for (const item of items) {
        if (Array.isArray(item)) {
            yield* flatten(item);
        } else {
            yield item;
        }
    }
}
console.log(Array.from(flatten([1, [2, [3, [4]], 5], [[6]]])));
