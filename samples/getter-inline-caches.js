const log = (...a) => console.log(...a);
class Shape {
  constructor(w, h) { this.w = w; this.h = h; }
  get area() { return this.w * this.h; }
  get boom() { throw new Error('boom from getter'); }
}
class Square extends Shape { constructor(s) { super(s, s); } get side() { return this.w; } }
const shapes = [new Shape(2, 3), new Square(4), new Shape(5, 5)];
let total = 0;
for (let k = 0; k < 3; k++) for (const s of shapes) total += s.area;
log(total);
// The getter sees its receiver; a subclass instance reaches the getter two hops up.
for (let i = 0; i < 3; i++) log(shapes[1].area, shapes[1].side);
// Replacing the getter after the site has cached it.
const read = (s) => s.area;
for (let i = 0; i < 5; i++) read(shapes[0]);
Object.defineProperty(Shape.prototype, 'area', { get() { return 'replaced'; }, configurable: true });
log(read(shapes[0]), read(shapes[1]));
// Turning it into a data property, then deleting it.
Object.defineProperty(Shape.prototype, 'area', { value: 'data now', configurable: true, writable: true });
log(read(shapes[0]));
delete Shape.prototype.area;
log(read(shapes[0]));
// An own property on one receiver shadows it.
Object.defineProperty(Shape.prototype, 'area', { get() { return this.w + this.h; }, configurable: true });
const own = new Shape(1, 1); Object.defineProperty(own, 'area', { value: 'own' });
for (const s of [shapes[0], own, shapes[2]]) log(read(s));
// A getter without a setter, setter-only accessors.
const so = Object.create({ set only(v) {} });
for (let i = 0; i < 3; i++) log(so.only);
// Errors thrown by a cached getter point at the read.
function boom(s) { return s.boom; }
for (let i = 0; i < 3; i++) { try { boom(shapes[0]); } catch (e) { log(e.message, e.stack.split('\n').slice(1, 3).map((l) => l.trim().replace(/\(.*[\\/]/, '('))); } }
// Typed array length through the cache, and everything that changes it.
const u8 = new Uint8Array(8);
let n = 0; for (let i = 0; i < u8.length; i++) n += i; log(n, u8.length);
class Bytes extends Uint8Array {}
const b = new Bytes(3); for (let i = 0; i < 3; i++) log(b.length);
const lens = (t) => t.length;
for (const t of [u8, b, new Float64Array(5), new BigInt64Array(2)]) log(lens(t));
const shadow = new Uint8Array(4); Object.defineProperty(shadow, 'length', { value: 'shadowed' }); log(lens(shadow), lens(u8));
const buf = new ArrayBuffer(16, { maxByteLength: 32 }); const auto = new Uint16Array(buf);
log(lens(auto)); buf.resize(32); log(lens(auto)); buf.resize(2); log(lens(auto));
const det = new ArrayBuffer(8); const dv = new Uint8Array(det); log(lens(dv)); det.transfer(); log(lens(dv));
Object.defineProperty(Uint8Array.prototype, 'length', { get() { return 'u8 proto'; }, configurable: true });
log(lens(u8), lens(new Float64Array(5)));
delete Uint8Array.prototype.length;
const TA = Object.getPrototypeOf(Uint8Array.prototype);
const orig = Object.getOwnPropertyDescriptor(TA, 'length');
Object.defineProperty(TA, 'length', { get() { return 'patched ' + orig.get.call(this); }, configurable: true });
log(lens(u8), lens(b));
Object.defineProperty(TA, 'length', orig);
log(lens(u8), typeof Buffer !== 'undefined' ? lens(Buffer.from('hello')) : 5);
// A plain object whose prototype is a typed array.
const fake = Object.create(u8); try { log(lens(fake)); } catch (e) { log(e.constructor.name, e.message); }
