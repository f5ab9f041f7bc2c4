'use strict';
// Member sites that read a name from a prototype or add a name to their receiver, warmed
// up over objects of one shape, then run after each change that alters what [[Get]] or
// [[Set]] does: every read and write still does what the spec says.
const out = [];
const log = (...a) => out.push(a.map(String).join(' '));
const warm = (f, n = 50) => {
  let r;
  for (let i = 0; i < n; i++) r = f(i);
  return r;
};

// ---- reads of a name found on a prototype -------------------------------------------------
const readM = (o) => o.m;
const callM = (o) => o.m();

class A {
  m() {
    return 'A.m';
  }
}
const a = new A();
log('class method', warm(() => callM(a)));
A.prototype.m = function () {
  return 'replaced';
};
log('replaced method', callM(a));
Object.defineProperty(A.prototype, 'm', {
  get() {
    return () => 'from getter of ' + (this === a ? 'a' : 'other');
  },
  configurable: true,
});
log('getter later', callM(a));
delete A.prototype.m;
log('deleted', readM(a));
Object.prototype.m = () => 'Object.prototype.m';
log('found higher', callM(a));
delete Object.prototype.m;
A.prototype.m = () => 'back';
warm(() => callM(a));
a.m = () => 'own';
log('shadowed', callM(a), readM(new A()) === A.prototype.m);
delete a.m;
log('unshadowed', callM(a));

// Same shape, other prototypes.
const p1 = { m: () => 'p1' };
const p2 = { m: () => 'p2' };
const o1 = Object.create(p1);
const o2 = Object.create(p2);
warm(() => callM(o1));
log('other prototype', callM(o2), callM(o1));
const moving = Object.create(p1);
warm(() => callM(moving));
Object.setPrototypeOf(moving, p2);
log('setPrototypeOf', callM(moving));
Object.setPrototypeOf(moving, null);
log('null prototype', readM(moving));

// An intermediate prototype gains the name.
class B extends A {}
const b = new B();
log('inherited twice', warm(() => callM(b)));
B.prototype.m = () => 'B.m';
log('intermediate gains it', callM(b));
delete B.prototype.m;
log('intermediate loses it', callM(b));
Object.setPrototypeOf(B.prototype, p1);
log('intermediate re-linked', callM(b));

// Freezing a prototype leaves its values readable.
const frozenProto = { m: () => 'frozen' };
const fo = Object.create(frozenProto);
warm(() => callM(fo));
Object.freeze(frozenProto);
log('frozen prototype', callM(fo));

// A data property turned into an accessor with the same attribute bits.
const q = {};
Object.defineProperty(q, 'm', { value: () => 'value', writable: false, enumerable: false, configurable: true });
const qo = Object.create(q);
warm(() => callM(qo));
Object.defineProperty(q, 'm', { get: () => () => 'accessor', enumerable: false, configurable: true });
log('data to accessor', callM(qo));

// A prototype whose keys move: deleted and added back at another position.
const moves = { m: () => 'first', n: 1, k: 2 };
const mo = Object.create(moves);
warm(() => callM(mo));
delete moves.m;
moves.z = 3;
moves.m = () => 'moved';
log('moved key', callM(mo), readM({ m: 'own literal' }));

// A Proxy on the chain, and as the receiver.
const trapped = Object.create(
  new Proxy(
    { m: () => 'target' },
    {
      get(t, k, r) {
        return k === 'm' ? () => 'trap' : Reflect.get(t, k, r);
      },
    },
  ),
);
log('proxy in chain', callM(trapped), callM(new Proxy(a, {})));
const swap = Object.create(p1);
warm(() => callM(swap));
Object.setPrototypeOf(swap, new Proxy(p2, { get: (t, k) => (k === 'm' ? () => 'late trap' : t[k]) }));
log('proxy put in chain', callM(swap));

// Arrays, typed arrays, String objects, functions and primitives at one site.
const readLength = (o) => o.length;
const readPush = (o) => o.push;
const arr = [1, 2, 3];
warm(() => readPush(arr));
const origPush = Array.prototype.push;
Array.prototype.push = function () {
  return 'patched push';
};
log('patched push', arr.push(4), readPush(arr) === Array.prototype.push);
Array.prototype.push = origPush;
log('restored push', readPush(arr) === origPush, arr.push(4), arr.length);
const lengthProto = { length: 'inherited length' };
warm(() => readLength(Object.create(lengthProto)));
log('length', readLength([1, 2]), readLength(new String('abc')), readLength('abcd'), readLength(Object.create(lengthProto)), readLength(new Uint8Array(5)), readLength(function (x, y) {}));
const readInf = (o) => o.Infinity;
const infProto = { Infinity: 'inherited Infinity' };
warm(() => readInf(Object.create(infProto)));
const ta = new Float64Array(2);
Object.setPrototypeOf(ta, infProto);
log('numeric name', readInf(Object.create(infProto)), readInf(ta), readInf([]));
const readToFixed = (x) => x.toFixed;
warm(() => readToFixed(1.5));
log('primitives', readToFixed(2) === Number.prototype.toFixed, readToFixed(new Number(3)) === Number.prototype.toFixed, readToFixed({ toFixed: 'own' }));
const readFlat = (x) => x.flat;
log('lazy built-in', typeof readFlat([]), readFlat([]) === readFlat([1]), warm(() => readFlat([[1], [2]]).call([[1], [2]]).join()));
const readAt = (s) => s.at;
warm(() => readAt('abc'));
log('string receivers', readAt('xyz').call('xyz', -1), readAt(new String('s')) === String.prototype.at);

// super.x, a getter called with its receiver, an own getter.
class Base {
  get who() {
    return 'who:' + this.tag;
  }
  hello() {
    return 'Base.hello ' + this.tag;
  }
}
class Derived extends Base {
  constructor(tag) {
    super();
    this.tag = tag;
  }
  hello() {
    return 'Derived+' + super.hello();
  }
}
const readWho = (o) => o.who;
warm((i) => new Derived(i).hello());
log('super', new Derived('d').hello(), warm(() => readWho(new Derived('x'))), readWho(new Derived('y')));

// ---- writes that add the name to their receiver -------------------------------------------
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
warm((i) => new Point(i, i));
log('points', JSON.stringify(new Point(1, 2)), Object.keys(new Point(3, 4)));
let setterSeen = [];
Object.defineProperty(Point.prototype, 'y', {
  set(v) {
    setterSeen.push(v);
  },
  get() {
    return 'y getter';
  },
  configurable: true,
});
const pt = new Point(5, 6);
log('setter later', JSON.stringify(pt), pt.y, setterSeen, Object.keys(pt));
delete Point.prototype.y;
warm((i) => new Point(i, i));
Object.defineProperty(Point.prototype, 'y', { get: () => 'getter only', configurable: true });
try {
  new Point(7, 8);
} catch (e) {
  log('getter only', e.constructor.name, e.message);
}
delete Point.prototype.y;
warm((i) => new Point(i, i));
Object.defineProperty(Point.prototype, 'y', { value: 'read-only', writable: false, configurable: true });
try {
  new Point(7, 8);
} catch (e) {
  log('read-only on prototype', e.constructor.name, e.message);
}
delete Point.prototype.y;
warm((i) => new Point(i, i));
Object.defineProperty(Object.prototype, 'y', {
  set(v) {
    setterSeen.push('Object.prototype ' + v);
  },
  configurable: true,
});
const pt2 = new Point(9, 10);
log('setter two levels up', Object.keys(pt2), setterSeen.at(-1));
delete Object.prototype.y;
warm((i) => new Point(i, i));
Point.prototype.y = 'plain data on prototype';
log('writable data on prototype', JSON.stringify(new Point(11, 12)));
Object.freeze(Point.prototype);
try {
  new Point(13, 14);
} catch (e) {
  log('frozen prototype', e.constructor.name, e.message);
}

const addX = (o, v) => {
  o.x = v;
  return o;
};
const fresh = () => ({ a: 1 });
warm(() => addX(fresh(), 1));
const sealedOne = Object.preventExtensions(fresh());
try {
  addX(sealedOne, 2);
} catch (e) {
  log('not extensible', e.constructor.name, e.message, Object.keys(sealedOne));
}
const sloppyAdd = new Function('o', 'v', 'o.x = v; return o;');
warm(() => sloppyAdd(fresh(), 1));
log('sloppy not extensible', JSON.stringify(sloppyAdd(Object.preventExtensions(fresh()), 2)));
log('sloppy primitive', sloppyAdd(5, 1), sloppyAdd('s', 1));
try {
  addX(5, 1);
} catch (e) {
  log('strict primitive', e.constructor.name, e.message);
}
const withSetterProto = Object.create({
  set x(v) {
    log('prototype setter of a same-shaped object', v);
  },
});
withSetterProto.a = 1;
warm(() => addX(fresh(), 1));
addX(withSetterProto, 'via setter');
log('same shape, setter on its prototype', Object.keys(withSetterProto));
const viaProxy = Object.create(
  new Proxy(
    {},
    {
      set(t, k, v, r) {
        log('set trap', k, v, r === viaProxy);
        return true;
      },
    },
  ),
);
viaProxy.a = 1;
addX(viaProxy, 'proxied');
log('proxy on chain', Object.keys(viaProxy));
const targets = [[1], new Uint8Array(2), new String('ab'), function f() {}, new Map(), /re/g, new Date(0), new Error('e')];
warm(() => addX(fresh(), 1));
log('exotic receivers', targets.map((t) => `${Object.prototype.toString.call(addX(t, 'x!'))}:${t.x}`).join(' '));
const proxyReceiver = new Proxy({}, { defineProperty(t, k, d) { log('defineProperty trap', k, d.value); return Reflect.defineProperty(t, k, d); } });
addX(proxyReceiver, 'p');
log('proxy receiver', proxyReceiver.x);
const existing = { a: 1, x: 'old' };
warm(() => addX(fresh(), 1));
addX(existing, 'updated');
log('update through an add site', JSON.stringify(existing));
const readonlyOwn = Object.defineProperty({ a: 1 }, 'x', { value: 'ro', writable: false });
try {
  addX(readonlyOwn, 'no');
} catch (e) {
  log('read-only own', e.constructor.name, e.message);
}
const nullProto = Object.create(null);
warm(() => addX(Object.create(null), 1));
log('null prototype add', JSON.stringify(addX(nullProto, 'np')));
const shapeThenProto = fresh();
Object.setPrototypeOf(shapeThenProto, { set x(v) { log('setter after setPrototypeOf', v); } });
addX(shapeThenProto, 's');
log('after setPrototypeOf', Object.keys(shapeThenProto));
// Many objects built alike keep working after all this.
const many = [];
for (let i = 0; i < 1000; i++) many.push(addX(fresh(), i));
log('many', many.reduce((s, o) => s + o.x + o.a, 0), Object.keys(many[999]));
// A getter added to Object.prototype after a read site of an absent name warmed up.
const readAbsent = (o) => o.absentName;
warm(() => readAbsent(fresh()));
Object.defineProperty(Object.prototype, 'absentName', { get() { return 'getter on Object.prototype'; }, configurable: true });
log('absent then getter', readAbsent(fresh()));
delete Object.prototype.absentName;
log('absent again', readAbsent(fresh()));

// `new` reads the constructor's `prototype` where the last constructor had it.
function F() {}
function G() {}
class K {}
const protoName = (o) => (Object.getPrototypeOf(o) === Object.prototype ? 'Object.prototype' : Object.getPrototypeOf(o).constructor.name);
warm(() => new F());
F.prototype = 5;
log('non-object prototype', protoName(new F()), protoName(new G()), protoName(new K()));
F.prototype = { constructor: G };
log('replaced prototype', protoName(new F()));
const viaProxyTarget = new Proxy(G, { get: (t, k) => (k === 'prototype' ? K.prototype : t[k]) });
log('new.target a proxy', protoName(Reflect.construct(F, [], viaProxyTarget)), protoName(Reflect.construct(F, [], F.bind(null))));

// Strings: methods read through %String.prototype%, which scripts can change.
const readTrim = (s) => s.trim;
warm(() => readTrim(' a '));
const origTrim = String.prototype.trim;
String.prototype.trim = function () {
  return 'patched trim of ' + this;
};
log('string method patched', readTrim(' b ').call('c'));
delete String.prototype.trim;
log('string method deleted', typeof readTrim(' d '));
Object.defineProperty(String.prototype, 'trim', { get() { return () => 'getter with receiver ' + typeof this + ' ' + this; }, configurable: true });
log('string getter', readTrim('e')());
Object.defineProperty(String.prototype, 'trim', { value: origTrim, writable: true, configurable: true });
warm(() => readTrim(' f '));
Object.prototype.trimLeftOver = 'from Object.prototype';
const readLeftOver = (s) => s.trimLeftOver;
warm(() => readLeftOver('g'));
delete Object.prototype.trimLeftOver;
log('string chain to Object.prototype', readLeftOver('h'), readTrim(' i ').call(' j '), readLength('klm'));
// __proto__ is an accessor on Object.prototype: an add site never caches it.
const setProto = (o, p) => {
  o.__proto__ = p;
  return o;
};
warm(() => setProto({}, p1));
log('__proto__', callM(setProto({}, p2)), Object.keys(setProto({}, p1)).length);

console.log(out.join('\n'));
