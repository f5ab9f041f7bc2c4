const log = (...a) => console.log(...a);
class Parser {
  constructor(id) { for (let i = 0; i < 30; i++) this['f' + i] = i * id; this.id = id; }
  next() { return 'next of ' + this.id; }
  get size() { return this.f29; }
}
const ps = [new Parser(1), new Parser(2), new Parser(3)];
const call = (p) => p.next() + ' / ' + p.size;
for (let k = 0; k < 3; k++) for (const p of ps) log(call(p));
// An own property shadows the prototype's on one dictionary-mode receiver.
ps[1].next = () => 'own next'; log(call(ps[0]), call(ps[1]), call(ps[2]));
delete ps[1].next; log(call(ps[1]));
Object.defineProperty(ps[2], 'size', { get() { return 'own size'; }, configurable: true }); log(call(ps[2]), call(ps[0]));
// The prototype changes under the cache.
Parser.prototype.next = function () { return 'patched ' + this.id; }; log(call(ps[0]));
Object.setPrototypeOf(ps[0], { next() { return 'other proto'; }, get size() { return -1; } }); log(call(ps[0]), call(ps[2]));
// A receiver that deletes and re-adds its fields (still dictionary mode), and a small one.
const big = new Parser(9); delete big.f3; big.f3 = 'again'; log(call(big));
const small = Object.create(Parser.prototype); small.id = 'small'; small.f29 = 'small f29'; log(call(small));
// Reads of missing names through dictionary receivers.
const miss = (p) => p.nothing; for (const p of [...ps, big, small]) log(miss(p));
Object.prototype.nothing = 'on Object.prototype'; for (const p of [ps[1], big, small]) log(miss(p));
delete Object.prototype.nothing; log(miss(big));
// Null-prototype dictionaries.
const dict = Object.create(null); for (let i = 0; i < 40; i++) dict['k' + i] = i; const rd = (d) => d.k39 + ':' + d.zzz; for (let i = 0; i < 3; i++) log(rd(dict));
// Arrays and typed arrays with many properties.
const arr = [1, 2, 3]; for (let i = 0; i < 20; i++) arr['p' + i] = i; const al = (a) => a.length + ':' + a.map; for (let i = 0; i < 2; i++) log(al(arr));
const ta = new Uint8Array(4); for (let i = 0; i < 20; i++) ta['p' + i] = i; const tl = (t) => t.length + ':' + t.p19; for (let i = 0; i < 2; i++) log(tl(ta));
