// Plain compute: object allocation, property reads/writes, methods on a prototype.
class Vec {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(o) {
    return new Vec(this.x + o.x, this.y + o.y);
  }
  dot(o) {
    return this.x * o.x + this.y * o.y;
  }
}
let v = new Vec(0, 0);
let d = 0;
const step = new Vec(1, 2);
for (let i = 0; i < 400000; i++) {
  v = v.add(step);
  d += v.dot(step) % 7;
}
const pts = [];
for (let i = 0; i < 100000; i++) pts.push({ id: i, name: "p" + (i % 100), tags: [i, i + 1] });
let s = 0;
for (const p of pts) s += p.tags[1] - p.id;
console.log(v.x, v.y, d, s);
