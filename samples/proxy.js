// Proxy tutorial: validation, defaults, logging, negative indices, revocable proxies,
// has/deleteProperty/ownKeys traps and function apply/construct traps.

// 1. Validation with a set trap.
const validator = {
  set(obj, prop, value) {
    if (prop === 'age') {
      if (!Number.isInteger(value)) throw new TypeError('The age is not an integer');
      if (value > 200) throw new RangeError('The age seems invalid');
    }
    obj[prop] = value;
    return true;
  },
};
const person = new Proxy({}, validator);
person.age = 100;
console.log(person.age);
try {
  person.age = 'young';
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
try {
  person.age = 300;
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
console.log(person);

// 2. Default values with a get trap.
const withDefaults = (target, defaultValue) =>
  new Proxy(target, {
    get: (obj, prop) => (prop in obj ? obj[prop] : defaultValue),
  });
const config = withDefaults({ host: 'localhost', port: 8080 }, 'n/a');
console.log(config.host, config.port, config.user);

// 3. Logging every operation.
const calls = [];
const logged = new Proxy(
  { x: 1, y: 2 },
  {
    get(t, k, r) {
      calls.push(`get ${String(k)}`);
      return Reflect.get(t, k, r);
    },
    set(t, k, v, r) {
      calls.push(`set ${String(k)}=${v}`);
      return Reflect.set(t, k, v, r);
    },
    ownKeys(t) {
      calls.push('ownKeys');
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, k) {
      calls.push(`gopd ${String(k)}`);
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
  },
);
logged.x += 10;
const copy = { ...logged };
console.log(copy, JSON.stringify(logged));
console.log(calls);

// 4. Negative array indices.
const negativeArray = (arr) =>
  new Proxy(arr, {
    get(target, prop, receiver) {
      const i = typeof prop === 'string' ? Number(prop) : NaN;
      if (Number.isInteger(i) && i < 0) prop = String(target.length + i);
      return Reflect.get(target, prop, receiver);
    },
  });
const letters = negativeArray(['a', 'b', 'c', 'd']);
console.log(letters[-1], letters[-2], letters[0], letters.length);
console.log(Array.isArray(letters), letters.map((s) => s.toUpperCase()), [...letters]);
console.log(letters);

// 5. Revocable proxies.
const { proxy, revoke } = Proxy.revocable({ secret: 42 }, {});
console.log(proxy.secret);
revoke();
try {
  proxy.secret;
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
console.log(typeof proxy);

// 6. Hiding private properties: has, deleteProperty, ownKeys.
const hidePrivate = (obj) =>
  new Proxy(obj, {
    has: (t, k) => !(typeof k === 'string' && k.startsWith('_')) && k in t,
    ownKeys: (t) => Reflect.ownKeys(t).filter((k) => typeof k !== 'string' || !k.startsWith('_')),
    get: (t, k, r) => (typeof k === 'string' && k.startsWith('_') ? undefined : Reflect.get(t, k, r)),
    deleteProperty(t, k) {
      if (typeof k === 'string' && k.startsWith('_')) return false;
      return delete t[k];
    },
  });
const account = hidePrivate({ name: 'Ada', _password: 'hunter2', balance: 10 });
console.log('name' in account, '_password' in account, account._password);
console.log(Object.keys(account), Object.entries(account));
for (const k in account) console.log('for-in:', k);
console.log(delete account.balance, delete account._password, Object.keys(account));
try {
  'use strict';
  (() => {
    'use strict';
    delete account._password;
  })();
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}

// 7. Function traps: apply and construct.
function sum(a, b) {
  return a + b;
}
const traced = new Proxy(sum, {
  apply(target, thisArg, args) {
    console.log(`calling ${target.name}(${args.join(', ')})`);
    return Reflect.apply(target, thisArg, args) * 2;
  },
});
console.log(traced(1, 2), traced.call(null, 3, 4), typeof traced);

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
const counted = new Proxy(Point, {
  count: 0,
  construct(target, args, newTarget) {
    this.count++;
    console.log(`new ${target.name} #${this.count}`);
    return Reflect.construct(target, args, newTarget);
  },
});
const p1 = new counted(1, 2);
const p2 = new counted(3, 4);
console.log(p1, p2, p1 instanceof Point, p2 instanceof counted);

// 8. Invariants are enforced.
const frozen = Object.freeze({ fixed: 1 });
const liar = new Proxy(frozen, { get: () => 2 });
try {
  liar.fixed;
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
