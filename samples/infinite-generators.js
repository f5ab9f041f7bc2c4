// Infinite generators combined with lazy helpers.
function* naturals() {
    let n = 1;
    while (true) {
        yield n++;
    }
}

function* take(iterable, count) {
    if (count <= 0) return;
    for (const item of iterable) {
        yield item;
        if (--count === 0) return;
    }
}

function* map(iterable, fn) {
    for (const item of iterable) {
        yield fn(item);
    }
}

function* filter(iterable, pred) {
    for (const item of iterable) {
        if (pred(item)) yield item;
    }
}

function* fibonacci() {
    let [a, b] = [0, 1];
    while (true) {
        yield a;
        [a, b] = [b, a + b];
    }
}

function* primes() {
    const found = [];
    for (const n of naturals()) {
        if (n < 2) continue;
        if (found.every((p) => n % p !== 0)) {
            found.push(n);
            yield n;
        }
    }
}

console.log([...take(naturals(), 5)]);
console.log([...take(fibonacci(), 12)].join(", "));
console.log([...take(primes(), 10)].join(", "));

const squaresOfEvens = take(
    map(filter(naturals(), (n) => n % 2 === 0), (n) => n * n),
    6
);
console.log(Array.from(squaresOfEvens));

// An id generator that can be reset by sending a value
function* idMaker(prefix) {
    let id = 0;
    while (true) {
        const reset = yield `${prefix}-${id}`;
        id = reset ? 0 : id + 1;
    }
}
const ids = idMaker("user");
console.log(ids.next().value);
console.log(ids.next().value);
console.log(ids.next().value);
console.log(ids.next(true).value);
console.log(ids.next().value);
