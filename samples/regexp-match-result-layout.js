// The match array of RegExp exec and the lastIndex of a RegExp literal are made with their
// shapes at once: they must look exactly as if defined one property at a time.
const show = (o) =>
  JSON.stringify(
    Reflect.ownKeys(o).map((k) => [String(k), Object.getOwnPropertyDescriptor(o, k)])
  );

const m = /b(c)?(d)?/.exec("abce");
console.log(show(m));
console.log(m.length, m.index, m.input, m.groups, Array.isArray(m));
m.extra = 1;
delete m.index;
m.index = 7;
console.log(Object.keys(m).join(), m.index);

const n = /(?<x>a)|(?<y>b)/d.exec("zb");
console.log(show(n));
console.log(JSON.stringify(n.indices), JSON.stringify(n.indices.groups), n.groups.x, n.groups.y);
console.log(Object.getPrototypeOf(n.groups), Object.keys(n.groups).join());

// Two results share nothing: writing one leaves the other.
const re = /(\d+)/g;
const r1 = re.exec("a1b22");
const r2 = re.exec("a1b22");
r1.input = "changed";
r1[1] = "x";
console.log(r1.index, r1.input, r1[1], r2.index, r2.input, r2[1], re.lastIndex);
Object.freeze(r2);
console.log(Object.isFrozen(r2), Object.isFrozen(re.exec("33 ") ?? {}));

// Inline caches see literal results and results built property by property alike.
function readAll(o) {
  return [o.index, o.input, JSON.stringify(o.groups), o[0]].join("|");
}
const manual = ["q"];
manual.index = 5;
manual.input = "in";
manual.groups = undefined;
for (let i = 0; i < 3; i++) {
  console.log(readAll(/a/.exec("ba")), readAll(manual), readAll(/(?<g>c)/.exec("cc")));
}

// A RegExp literal's own lastIndex: writable, not enumerable, not configurable, first.
const lit = /x/g;
console.log(show(lit));
const made = new RegExp("x", "g");
console.log(show(made));
lit.foo = 1;
console.log(Reflect.ownKeys(lit).join(), delete lit.lastIndex, lit.lastIndex);
lit.lastIndex = 3;
console.log(lit.lastIndex, lit.exec("xxxx").index, lit.lastIndex);
const fr = Object.freeze(/y/y);
try {
  fr.exec("y");
} catch (e) {
  console.log(e.constructor.name);
}
function li(o) {
  return o.lastIndex;
}
for (let i = 0; i < 3; i++) console.log(li(/z/), li(made), li(Object.defineProperty(/w/, "lastIndex", { value: "s" })));
for (let i = 0; i < 3; i++) {
  const each = /k/g;
  console.log(each.exec("ak").index, each.lastIndex, each === /k/g);
}
class R extends RegExp {}
console.log(show(new R("a")), show(/a/));
