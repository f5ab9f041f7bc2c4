// Reading a property that is nowhere on the chain (`o.x ?? d`, `if (opts.flag)`), from one
// site many times, while the objects and their prototypes change under it.
function readX(o) {
  return o.x;
}
function readOptional(o) {
  return o?.settings?.x ?? "default";
}

const plain = { a: 1 };
const seen = [];
for (let i = 0; i < 3; i++) seen.push(readX(plain));
plain.x = "own"; // added on the receiver: the shape changes
seen.push(readX(plain));
delete plain.x;
seen.push(readX(plain));
console.log(seen);

// Added on a prototype, then on Object.prototype, then removed again.
class Point {
  constructor(y) {
    this.y = y;
  }
}
const p = new Point(1);
const fromProto = [readX(p), readX(p)];
Point.prototype.x = "from Point.prototype";
fromProto.push(readX(p));
delete Point.prototype.x;
fromProto.push(readX(p));
Object.prototype.x = "from Object.prototype";
fromProto.push(readX(p), readX(plain));
delete Object.prototype.x;
fromProto.push(readX(p), readX(plain));
console.log(fromProto);

// A getter appears on the prototype; the prototype is replaced; a null prototype.
const calls = [];
const q = new Point(2);
readX(q);
Object.defineProperty(Point.prototype, "x", {
  get() {
    calls.push(`getter this.y=${this.y}`);
    return "got";
  },
  configurable: true,
});
const viaGetter = [readX(q), readX(q)];
delete Point.prototype.x;
viaGetter.push(readX(q));
Object.setPrototypeOf(q, { x: "new proto" });
viaGetter.push(readX(q));
const bare = Object.create(null);
viaGetter.push(readX(bare));
bare.x = "bare own";
viaGetter.push(readX(bare));
console.log(viaGetter, calls);

// Other receivers at the same site: arrays, functions, a Proxy, a typed array, a Map.
const proxy = new Proxy({}, { get: (t, k) => `proxy:${String(k)}` });
console.log([readX([1, 2]), readX(function f() {}), readX(proxy), readX(new Uint8Array(2)), readX(new Map())]);
Array.prototype.x = "array x";
console.log(readX([1, 2]), readX({}));
delete Array.prototype.x;
console.log(readX([1, 2]));

// Primitives read through their prototypes.
function readFoo(v) {
  return v.foo;
}
const prims = [readFoo("s"), readFoo(1), readFoo(true)];
String.prototype.foo = "string foo";
prims.push(readFoo("s"), readFoo(1));
delete String.prototype.foo;
prims.push(readFoo("s"));
console.log(prims);

// Optional chains over many shapes, and an object with many properties (a dictionary).
const configs = [null, {}, { settings: {} }, { settings: { x: 0 } }, { settings: null }];
console.log(configs.map(readOptional));
const big = {};
for (let i = 0; i < 100; i++) big["k" + i] = i;
const bigSeen = [readX(big), readX(big)];
big.x = "big own";
bigSeen.push(readX(big));
delete big.x;
bigSeen.push(readX(big));
console.log(bigSeen);

// A loop that reads an absent option many times.
let hits = 0;
const opts = { verbose: false };
for (let i = 0; i < 10000; i++) {
  if (opts.debug) hits++;
  if (i === 5000) opts.debug = true;
}
console.log(hits);
