// Reads through a prototype from receivers with more than 16 own properties (an own,
// dictionary shape): a warm site skips the receiver's search while its keys are unchanged.
const log = (...a) => console.log(...a);
class Parser {
  constructor(id) { for (let i = 0; i < 24; i++) this['f' + i] = i; this.id = id; this.pos = 0; }
  next() { this.pos++; return this.id + ':' + this.pos; }
  get here() { return 'here ' + this.pos; }
}
const p = new Parser('p');
const step = (x) => x.next() + ' ' + x.here + ' ' + x.missing;
for (let i = 0; i < 4; i++) log(step(p));
// Values written to existing fields keep the keys: still the same answers.
for (let i = 0; i < 3; i++) { p.f1 = i; p.pos = 100 + i; log(step(p)); }
// Keys change after the site is warm: shadowing, deleting, re-adding, accessors.
p.next = function () { return 'own next'; }; log(step(p));
p.next = function () { return 'own next 2'; }; log(step(p));
delete p.next; log(step(p));
p.missing = 'now own'; log(step(p));
delete p.missing; log(step(p));
Object.defineProperty(p, 'here', { get() { return 'own getter'; }, configurable: true }); log(step(p));
delete p.here; log(step(p));
p.extra = 1; log(step(p)); delete p.f0; log(step(p));
Object.defineProperty(p, 'missing', { value: 'non-enumerable own', configurable: true }); log(step(p));
Object.defineProperty(p, 'missing', { value: 'changed', configurable: true }); log(step(p));
Object.defineProperty(p, 'missing', { get: () => 'accessor now', configurable: true }); log(step(p));
delete p.missing; log(step(p));
// Freezing and sealing keep the keys but change attributes; the answers stay right.
Object.seal(p); log(step(p)); Object.freeze(p); try { log(step(p)); } catch (e) { log(e.constructor.name, e.message); }
// Two receivers alternating at one site, a new one at the same place, and a swapped prototype.
const a = new Parser('a'), b = new Parser('b');
for (let i = 0; i < 3; i++) log(step(a), step(b));
b.next = () => 'b own'; for (let i = 0; i < 2; i++) log(step(a), step(b));
for (let i = 0; i < 3; i++) { const c = new Parser('c' + i); if (i === 1) c.next = () => 'c1 own'; log(step(c)); }
Object.setPrototypeOf(a, { next() { return 'other'; }, get here() { return 'other here'; }, missing: 'other missing' }); log(step(a), step(b));
Parser.prototype.missing = 'on the prototype'; log(step(b)); delete Parser.prototype.missing; log(step(b));
// Many keys added and removed (the receiver's keys reorganised), then the site again.
const d = new Parser('d'); for (let i = 0; i < 3; i++) log(step(d));
for (let i = 0; i < 200; i++) d['k' + i] = i; for (let i = 0; i < 200; i++) delete d['k' + i]; log(step(d));
d.next = 5; try { step(d); } catch (e) { log(e.constructor.name, e.message); } delete d.next; log(step(d));
// A Proxy receiver with a dictionary target, and a null-prototype dictionary.
const px = new Proxy(new Parser('px'), { get(t, k, r) { if (k === 'missing') return 'trap'; return Reflect.get(t, k, r); } });
for (let i = 0; i < 2; i++) log(step(px));
const nd = Object.create(null); for (let i = 0; i < 30; i++) nd['k' + i] = i;
const rd = (o) => o.k29 + ' ' + o.zz; for (let i = 0; i < 3; i++) log(rd(nd)); nd.zz = 'zz'; log(rd(nd)); delete nd.zz; log(rd(nd));
