// finally blocks run when a generator is closed early.
function* resource(name) {
    console.log(`open ${name}`);
    try {
        let i = 0;
        while (true) {
            yield `${name}:${i++}`;
        }
    } finally {
        console.log(`close ${name}`);
    }
}

// break in for...of calls return() on the iterator
for (const chunk of resource("file")) {
    console.log(chunk);
    if (chunk.endsWith("2")) break;
}

// calling return() directly
const r = resource("socket");
console.log(r.next().value);
console.log(r.return("closed early"));
console.log(r.next());

// destructuring only takes what it needs, then closes the iterator
const [first, second] = resource("db");
console.log(first, second);

// an exception thrown in the loop body also closes the generator
try {
    for (const chunk of resource("pipe")) {
        console.log(chunk);
        throw new Error("consumer failed");
    }
} catch (e) {
    console.log("caught: " + e.message);
}

// a generator that never started: return() does not run finally
const idle = resource("idle");
console.log(idle.return(1));

// yield inside finally delays completion
function* stubborn() {
    try {
        yield 1;
    } finally {
        yield "cleanup";
        console.log("cleanup finished");
    }
}
const s = stubborn();
console.log(s.next());
console.log(s.return("bye"));
console.log(s.next());
console.log(s.next());
