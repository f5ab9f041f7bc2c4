// Conditions (`if`, `while`, `?:`) decided without building the comparison's value:
// `===`/`!==` against a literal, `== null`, `&&`/`||`/`!` whose operands are tests of
// their own, and `o.x` read in place. Every case below must give what the generic
// evaluation gives, including which operands run, in which order, and what throws.
const log = [];
const track = (name, v) => {
  log.push(name);
  return v;
};

// Strict equality against true/false/null/strings/undefined, for every kind of value.
const values = [true, false, null, undefined, 0, -0, NaN, 1, "", "a", "ab", "a" + "b",
  {}, [], Symbol.iterator, 10n, () => 1];
for (const v of values) {
  const row = [];
  if (v === true) row.push("===true");
  if (v !== false) row.push("!==false");
  if (v === null) row.push("===null");
  if (v === undefined) row.push("===undefined");
  if (v === "ab") row.push("==='ab'");
  if (v !== "") row.push("!==''");
  if (v == null) row.push("==null");
  if (v != undefined) row.push("!=undefined");
  if (v == 0) row.push("==0");
  console.log(typeof v, String(row));
}

// Literal on the left, or both sides computed: the generic path.
const s = "x";
if ("x" === s && null !== s && s === s + "") console.log("left literals");

// `undefined` that is not the global one.
function shadowParam(undefined) {
  return [1 === undefined, null == undefined, 2 == undefined];
}
console.log(shadowParam(1), shadowParam(2), shadowParam());
function shadowVar() {
  var undefined = "local";
  return "local" === undefined ? "var shadows" : "global";
}
console.log(shadowVar());
with ({ undefined: 5 }) {
  console.log(5 === undefined ? "with shadows" : "global");
}
try {
  throw 7;
} catch (undefined) {
  console.log(7 === undefined ? "catch shadows" : "global");
}
{
  const undefined = 9;
  console.log(9 === undefined ? "block shadows" : "global");
}
console.log(undefined === void 0, globalThis.undefined === undefined);

// `== null` never converts the other side.
const noisy = {
  valueOf() {
    log.push("valueOf");
    return 0;
  },
  toString() {
    log.push("toString");
    return "";
  },
};
if (noisy == null || noisy == undefined) console.log("wrong");
if (noisy != null) console.log("object != null, no conversion:", log.length === 0);
if (noisy == 0) console.log("== 0 converts:", log.join());
log.length = 0;

// `&&`, `||`, `!` and parentheses: short-circuit and order kept.
const a = { n: 0, s: "", o: {} };
if (track("1", a.n) || track("2", a.s) || track("3", a.o)) console.log("or:", log.join());
log.length = 0;
if (track("1", a.o) && !track("2", a.n) && (track("3", 0) || track("4", "t"))) {
  console.log("and:", log.join());
}
log.length = 0;
if (!(track("1", null) ?? track("2", 0))) console.log("??:", log.join());
log.length = 0;
let k = 0;
while (!(k >= 3) && k !== "3") k++;
console.log("while:", k);
console.log(a.n === 0 && a.s === "" ? "ternary yes" : "ternary no");
for (let i = 0; !(i > 2) || i === 10; i++) log.push(i);
console.log("for:", log.join());
log.length = 0;

// Member reads in place: own data, prototypes, getters, arrays, strings, changes.
class Point {
  constructor(x) {
    this.x = x;
  }
  isOrigin() {
    return this.x === 0 && this.missing === undefined;
  }
}
const pts = [new Point(0), new Point(1), Object.assign(new Point(0), { missing: 1 })];
for (let round = 0; round < 2; round++) console.log(pts.map((p) => p.isOrigin()).join());
const proto = { flag: true };
const objs = [
  { flag: true },
  { other: 1, flag: false },
  Object.create(proto),
  { get flag() { log.push("getter"); return true; } },
  new Proxy({}, { get: (t, key) => (log.push("proxy " + String(key)), true) }),
  ["flag"],
  "flag",
];
for (let round = 0; round < 2; round++) {
  const row = [];
  for (const o of objs) row.push(o.flag === true ? "T" : o.flag === false ? "F" : "-");
  console.log(row.join(""), log.join());
  log.length = 0;
}
const list = [1, 2, 3];
const text = "abcd";
if (list.length === 3 && text.length === 4 && list.length !== text.length) console.log("lengths");
const moving = { a: 1, b: 2 };
for (let round = 0; round < 3; round++) {
  console.log(moving.b === 2 ? "b is 2" : "b is " + moving.b);
  delete moving.a;
  moving.b = round === 0 ? 2 : "two";
}

// Errors thrown from a condition keep their messages.
let notYet;
try {
  if (notYet.flag === true) console.log("no");
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  if (later.flag === true) console.log("no");
} catch (e) {
  console.log(e.constructor.name, e.message);
}
let later = {};
try {
  if (missingName === null) console.log("no");
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// A condition that suspends keeps its place.
function* gen() {
  let n = 0;
  while ((yield n) !== "stop" && !((yield "again") === null)) n++;
  return n;
}
const g = gen();
console.log(g.next().value, g.next(1).value, g.next(2).value, g.next("stop"));
(async () => {
  let i = 0;
  if ((await i) === 0 && !(await null) && (await "x") === "x") console.log("async test ok");
})();
