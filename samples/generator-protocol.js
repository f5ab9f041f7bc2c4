// Driving a generator by hand: next(), values sent in, return() and throw().
function* conversation() {
    console.log("generator started");
    const name = yield "What is your name?";
    console.log("got name: " + name);
    const color = yield `Hello, ${name}! Favorite color?`;
    console.log("got color: " + color);
    return `${name} likes ${color}`;
}

const talk = conversation();
console.log(talk.next());
console.log(talk.next("Ada"));
console.log(talk.next("blue"));
console.log(talk.next());

// return() finishes the generator early
function* counter() {
    let n = 0;
    while (true) {
        yield n++;
    }
}
const c = counter();
console.log(c.next().value, c.next().value, c.next().value);
console.log(c.return(42));
console.log(c.next());

// throw() raises an error at the paused yield
function* careful() {
    while (true) {
        try {
            yield "working";
        } catch (e) {
            console.log("caught inside: " + e.message);
            yield "recovered";
            return "done";
        }
    }
}
const g = careful();
console.log(g.next());
console.log(g.throw(new Error("boom")));
console.log(g.next());
console.log(g.next());

// throw() on a finished generator rethrows to the caller
try {
    g.throw(new Error("too late"));
} catch (e) {
    console.log("caught outside: " + e.message);
}
