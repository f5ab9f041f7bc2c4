// The engine reads Promise.prototype.then / .constructor and Promise[Symbol.species] at
// remembered positions; every change to them must still be seen, in Node's tick order.
const log = [];
const step = (name, fn) => new Promise((done) => setTimeout(() => { fn(); setTimeout(() => { console.log(name + ': ' + log.join(', ')); log.length = 0; done(); }, 0); }, 0));

(async () => {
  await step('plain', () => {
    const p = Promise.resolve(1);
    p.then((v) => log.push('a' + v)).then(() => log.push('a2'));
    Promise.resolve().then(() => p).then((v) => log.push('ret ' + v));
    Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2')).then(() => log.push('t3'));
    log.push('resolve(p) === p ' + (Promise.resolve(p) === p));
  });
  await step('own constructor', () => {
    const p = Promise.resolve(2);
    p.constructor = class extends Promise {};
    log.push('derived is subclass ' + (p.then(() => {}) instanceof p.constructor));
    log.push('resolve(p) === p ' + (Promise.resolve(p) === p));
  });
  await step('own then', () => {
    const p = Promise.resolve(3);
    p.then = function (f, r) { log.push('own then called'); return Promise.prototype.then.call(this, f, r); };
    Promise.resolve().then(() => p).then((v) => log.push('got ' + v));
  });
  await step('prototype constructor moved', () => {
    const c = Promise.prototype.constructor;
    delete Promise.prototype.constructor;
    Promise.prototype.extra = 1;
    Promise.prototype.constructor = c;
    Promise.resolve(4).then((v) => log.push('v' + v));
    log.push('resolve(p) === p ' + (Promise.resolve(Promise.resolve(5)) instanceof Promise));
    delete Promise.prototype.extra;
  });
  await step('prototype then replaced', () => {
    const orig = Promise.prototype.then;
    Promise.prototype.then = function (f, r) { log.push('patched'); return orig.call(this, f, r); };
    Promise.resolve().then(() => Promise.resolve(6)).then((v) => log.push('got ' + v));
    (async () => log.push('await ' + (await Promise.resolve(7))))();
    Promise.prototype.then = orig;
  });
  await step('then getter', () => {
    const orig = Promise.prototype.then;
    Object.defineProperty(Promise.prototype, 'then', { get() { log.push('get then'); return orig; }, configurable: true });
    Promise.resolve().then(() => Promise.resolve(8)).then((v) => log.push('got ' + v));
    Object.defineProperty(Promise.prototype, 'then', { value: orig, writable: true, configurable: true });
  });
  await step('species', () => {
    const d = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
    Object.defineProperty(Promise, Symbol.species, { get() { log.push('species'); return undefined; }, configurable: true });
    Promise.resolve(9).then((v) => log.push('v' + v));
    Promise.resolve().then(() => Promise.resolve(10)).then((v) => log.push('got ' + v));
    Object.defineProperty(Promise, Symbol.species, d);
  });
  await step('constructor getter', () => {
    const c = Promise.prototype.constructor;
    Object.defineProperty(Promise.prototype, 'constructor', { get() { log.push('get constructor'); return c; }, configurable: true });
    Promise.resolve(11).then((v) => log.push('v' + v));
    log.push('same ' + (Promise.resolve(Promise.resolve(12)) instanceof Promise));
    Object.defineProperty(Promise.prototype, 'constructor', { value: c, writable: true, configurable: true });
  });
  await step('subclass', () => {
    class MyP extends Promise {}
    const m = MyP.resolve(13);
    log.push('then is MyP ' + (m.then(() => {}) instanceof MyP));
    Promise.resolve().then(() => m).then((v) => log.push('got ' + v));
    log.push('MyP.resolve(m) === m ' + (MyP.resolve(m) === m) + ', Promise.resolve(m) === m ' + (Promise.resolve(m) === m));
  });
  await step('restored', () => {
    const p = Promise.resolve(14);
    p.then((v) => log.push('v' + v));
    Promise.resolve().then(() => p).then((v) => log.push('ret ' + v));
    Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2')).then(() => log.push('t3'));
  });
})();
