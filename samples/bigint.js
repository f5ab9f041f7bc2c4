// BigInt: arbitrary-precision integers.
const big = 10n ** 30n;
console.log(big, typeof big, typeof 1n);
console.log(BigInt(2) ** 64n, 2n ** 64n - 1n);
console.log(123n, -45n, 0n, 0x1Fn, 0o17n, 0b1010n, 1_000_000n);
console.log([1n, 2n, 3n], { a: 1n, b: [-2n] });
console.log(new Map([[1n, "one"]]), new Set([5n, 5n, 6n]));
console.log(String(123n), `${7n} items`, "a" + 1n, 1n + "b", [1n, 2n].join("-"));

// Arithmetic: division truncates toward zero, % keeps the dividend's sign.
console.log(7n / 2n, -7n / 2n, 7n % 3n, -7n % 3n, 7n % -3n);
console.log(-(2n ** 64n), 5n * -3n, 2n ** 0n, (-2n) ** 3n);
let n = 5n;
n++;
n += 10n;
n *= 2n;
n--;
console.log(n, ++n, n--, n);

// Bitwise operators: two's complement with infinite sign extension.
console.log(~5n, 5n & 3n, -6n & 7n, 5n | 2n, -6n | 3n, 5n ^ 1n, -1n ^ 5n);
console.log(1n << 100n, -5n >> 1n, 5n >> -2n, 1n << -100n, -1n >> 1000n);

// Comparisons with Numbers and Strings are exact.
console.log(1n < 2, 2n > 1.5, 2n >= 2, 9007199254740993n > 9007199254740992);
console.log(1n == 1, 1n === 1, 1n == "1", 1n == true, 0n == "", 1n == "x", "10" > 9n);
console.log(Object.is(0n, -0n), [1n, 2n].includes(2n), [1n].indexOf(1n), NaN < 1n);
console.log([3n, 1n, 10n, 2n].sort(), [3n, -1n, 10n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
console.log(new Map([[1n, "x"]]).get(1n), new Set([1n]).has(1), 0n ? "truthy" : "falsy", !0n, 1n && 2n);

// Conversions.
console.log(BigInt(42), BigInt("  123  "), BigInt("0xff"), BigInt(true), BigInt(""), BigInt(1e21));
console.log(Number(12n), Number(2n ** 64n), parseInt("15n"), parseFloat(3n), Number(2n ** 1024n));
console.log(BigInt.asIntN(8, 255n), BigInt.asUintN(8, -1n), BigInt.asUintN(64, -1n), BigInt.asIntN(64, 2n ** 63n));
console.log((255n).toString(16), (-255n).toString(2), (2n ** 70n).toString(36), 1234567n.toLocaleString());
console.log((-9876543210n).toLocaleString(), Object(1n), typeof Object(1n), Object(5n) + 1n, [Object(2n)]);
console.log(Object.prototype.toString.call(1n), BigInt.prototype[Symbol.toStringTag], BigInt.name, BigInt.length);
const obj = { 1n: "key one" };
obj[2n] = "key two";
console.log(obj, obj["1"], obj[1n], 1n in obj);

// console.log formats.
console.log("%d and %i and %s", 12n, 34n, 56n);
console.log("%d %i %s", Object(1n), 9, -7n);

// Errors.
const attempts = [
    () => 1n + 1,
    () => 1n * 2.5,
    () => Math.max(1n, 2n),
    () => +1n,
    () => 1n / 0n,
    () => 1n % 0n,
    () => 2n ** -1n,
    () => 1n >>> 0n,
    () => BigInt(1.5),
    () => BigInt("1.5"),
    () => BigInt("abc"),
    () => BigInt(undefined),
    () => BigInt(Symbol("s")),
    () => new BigInt(1),
    () => JSON.stringify({ value: 1n }),
    () => isNaN(1n),
    () => (1n).toString(1),
    () => BigInt.asIntN(-1, 1n),
    () => BigInt.asIntN(8, 1),
    () => BigInt.prototype.valueOf.call(1),
];
for (const f of attempts) {
    try {
        console.log("no error:", f());
    } catch (e) {
        console.log(`${e.name}: ${e.message}`);
    }
}

// toJSON on BigInt.prototype is honored.
BigInt.prototype.toJSON = function () {
    return this.toString() + "n";
};
console.log(JSON.stringify({ a: 1n, list: [2n, Object(3n)] }));

// Factorial of 30 and Fibonacci: precision beyond 2^53.
let fact = 1n;
for (let i = 1n; i <= 30n; i++) fact *= i;
console.log(fact, Number(fact), fact.toString().length);
let [a, b] = [0n, 1n];
for (let i = 0; i < 100; i++) [a, b] = [b, a + b];
console.log(a);
