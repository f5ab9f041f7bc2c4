// `yield` and `await` inside class element keys, object literal keys and assignment
// references: each part is evaluated once, in order, and the definition resumes where it
// stopped (ECMAScript ClassDefinitionEvaluation, PropertyDefinitionEvaluation and
// EvaluatePropertyAccessWithExpressionKey run inside a suspendable body).
const log = [];
const note = (s) => (log.push(s), s);

function* classKeys() {
  class C {
    static #secret = 'hidden';
    [yield 'first key']() { return 'method'; }
    static [yield 'static field key'] = note('static init');
    get [yield 'getter key']() { return C.#secret; }
    #count = 5;
    count() { return this.#count; }
  }
  return C;
}
const it = classKeys();
console.log(it.next());
console.log(it.next('run'));
console.log(it.next('label'));
const done = it.next('peek');
console.log(done.done, typeof done.value, done.value.name);
const C = done.value;
const c = new C();
console.log(c.run(), C.label, c.peek, c.count(), Object.getOwnPropertyNames(C.prototype));

// Named evaluation through plain, logical and nullish assignment.
let A;
function* named() {
  A = class { [yield 'a']() {} };
  let B;
  B ??= class { [yield 'b']() {} };
  return [A.name, B.name];
}
const n = named();
console.log(n.next(), n.next('x'), n.next('y'));

// A throw or a return while a class definition is suspended.
function* guarded() {
  try {
    class D { [yield 'inside D']() {} }
    return D;
  } catch (e) {
    return 'caught ' + e;
  } finally {
    note('finally');
  }
}
const g1 = guarded(); g1.next(); console.log(g1.throw('boom'));
const g2 = guarded(); g2.next(); console.log(g2.return(7));

// Object literals: a computed key runs once even when its value suspends.
let keyCalls = 0;
const key = () => 'key' + ++keyCalls;
function* literal() {
  return { [key()]: yield 1, inner: { cls: class { [yield 2]() {} } }, [yield 3]: 'v' };
}
const l = literal(); l.next(); l.next('value'); l.next('m');
const lv = l.next('late').value;
console.log(lv, keyCalls, lv.inner.cls.name, Object.getOwnPropertyNames(lv.inner.cls.prototype));

// Assignment references: the object and the key before the value, once each.
function* refs() {
  const o = { k: 1 };
  o[yield 'key'] = yield 'value';
  (yield 'object')[yield 'key2'] = 3;
  o[yield 'key3'] += 10;
  o[yield 'key4'] ||= 'set';
  [o[yield 'pattern key']] = ['from pattern'];
  return o;
}
const r = refs();
const sends = [undefined, 'a', 'A', null, 'b', 'k', 'c', 'd'];
let step;
const target = {};
for (const s of sends) {
  step = r.next(s === null ? target : s);
  if (!step.done) log.push('yielded ' + step.value);
}
console.log(step, target);

// Async functions: `await` in class keys and member references.
async function asyncKeys() {
  const E = class { [await Promise.resolve('am')]() { return 1; } static [await 'sf'] = 2; };
  const o = {};
  o[await 'x'] = await Promise.resolve('y');
  return [Object.getOwnPropertyNames(E.prototype), E.sf, o];
}
asyncKeys().then((v) => {
  console.log(v);
  console.log(log.join(' | '));
});
