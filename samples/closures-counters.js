// Closures capture variables, not values.
function makeCounter(start = 0) {
    let count = start;
    return {
        increment() {
            return ++count;
        },
        decrement() {
            return --count;
        },
        get value() {
            return count;
        },
    };
}

const c1 = makeCounter();
const c2 = makeCounter(10);
c1.increment();
c1.increment();
c2.decrement();
console.log(c1.value, c2.value);

// let in loops creates a fresh binding per iteration
const fns = [];
for (let i = 0; i < 3; i++) {
    fns.push(() => i * 10);
}
console.log(fns.map((f) => f()));

// var is function-scoped and shared
const shared = [];
for (var j = 0; j < 3; j++) {
    shared.push(() => j);
}
console.log(shared.map((f) => f()));

// memoization
function memoize(fn) {
    const cache = new Map();
    let misses = 0;
    const wrapped = (n) => {
        if (!cache.has(n)) {
            misses++;
            cache.set(n, fn(n));
        }
        return cache.get(n);
    };
    wrapped.misses = () => misses;
    return wrapped;
}
const slowSquare = (n) => n * n;
const fastSquare = memoize(slowSquare);
console.log(fastSquare(4), fastSquare(4), fastSquare(5));
console.log("cache misses:", fastSquare.misses());

const fib = memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));
console.log(fib(50));

// function composition and currying
const compose = (...fns) => (x) => fns.reduceRight((acc, f) => f(acc), x);
const add = (a) => (b) => a + b;
const double = (x) => x * 2;
console.log(compose(double, add(3))(4));

function once(fn) {
    let called = false;
    let result;
    return function (...args) {
        if (!called) {
            called = true;
            result = fn.apply(this, args);
        }
        return result;
    };
}
const init = once((name) => `initialized ${name}`);
console.log(init("first"));
console.log(init("second"));

// IIFE module pattern
const bank = (function () {
    let balance = 0;
    function log(msg) {
        console.log(`[bank] ${msg} -> ${balance}`);
    }
    return {
        deposit(n) {
            balance += n;
            log(`deposit ${n}`);
        },
        withdraw(n) {
            if (n > balance) {
                log(`refused ${n}`);
                return false;
            }
            balance -= n;
            log(`withdraw ${n}`);
            return true;
        },
    };
})();
bank.deposit(100);
bank.withdraw(30);
bank.withdraw(500);
console.log(typeof balance);
