// JSON, Math and Symbol basics.
const config = {
    name: "demo",
    version: 3,
    enabled: true,
    tags: ["a", "b"],
    nested: { depth: 1, empty: null },
    skipped: undefined,
};
const json = JSON.stringify(config);
console.log(json);
console.log(JSON.stringify(config, null, 2));
console.log(JSON.stringify([1, "two", null, undefined, () => 1]));
console.log(JSON.stringify({ a: 1, b: 2, c: 3 }, ["a", "c"]));
console.log(JSON.stringify("quote \" and \n newline"));
console.log(JSON.stringify({ date: { toJSON() { return "custom"; } } }));

const parsed = JSON.parse(json);
console.log(parsed.name, parsed.tags.length, parsed.nested.depth, "skipped" in parsed);
const revived = JSON.parse('{"n": 2, "list": [1, 2, 3]}', (key, value) =>
    typeof value === "number" ? value * 10 : value
);
console.log(revived.n, revived.list);
try {
    JSON.parse("{bad json}");
} catch (e) {
    console.log(e.name);
}

// Math
console.log(Math.max(3, 7, 2), Math.min(3, 7, 2));
console.log(Math.round(2.5), Math.round(-2.5), Math.floor(-1.5), Math.ceil(1.1), Math.trunc(-4.7));
console.log(Math.abs(-8), Math.sign(-3), Math.sqrt(144), Math.cbrt(27), Math.pow(2, 10));
console.log(Math.hypot(3, 4), Math.PI.toFixed(5), Math.E.toFixed(3));
console.log(0.1 + 0.2, (0.1 + 0.2).toFixed(2), 1 / 3, 2 ** 53, 1e21, -0 === 0);
console.log(10 / 0, -10 / 0, 0 / 0, Number.isNaN(NaN), isFinite(1 / 0));
console.log(Number.MAX_SAFE_INTEGER, Number.EPSILON > 0, (255).toString(16), (5).toString(2));
console.log((1234.5678).toFixed(1), Number("3.14"), Number(""), Number("abc"));
console.log(7 % 3, -7 % 3, 5 / 2, Math.floor(5 / 2));

function clamp(value, lo, hi) {
    return Math.min(hi, Math.max(lo, value));
}
console.log([-5, 5, 15].map((v) => clamp(v, 0, 10)));

// Symbols
const secret = Symbol("secret");
const other = Symbol("secret");
console.log(typeof secret, secret === other, secret.toString(), secret.description);
const record = { visible: 1, [secret]: "hidden" };
console.log(Object.keys(record), record[secret]);
console.log(JSON.stringify(record));
console.log(Symbol.for("app") === Symbol.for("app"));
console.log(typeof Symbol.iterator, typeof [][Symbol.iterator]);

const money = {
    amount: 42,
    [Symbol.toPrimitive](hint) {
        return hint === "number" ? this.amount : `$${this.amount}`;
    },
};
console.log(+money, `${money}`);

// Object helpers
const scores = { ann: 90, ben: 72, cy: 85 };
console.log(Object.keys(scores), Object.values(scores));
console.log(Object.entries(scores).map(([k, v]) => `${k}=${v}`).join("&"));
console.log(Object.fromEntries(Object.entries(scores).filter(([, v]) => v > 80)));
const frozen = Object.freeze({ x: 1 });
frozen.x = 2;
console.log(frozen.x, Object.isFrozen(frozen));
console.log(Object.assign({}, { a: 1 }, { b: 2 }));
