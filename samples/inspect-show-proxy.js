// util.inspect with showProxy: a proxy prints as `Proxy [ target, handler ]` (nested
// proxies, revoked ones, depth limits); without it, as its target, no trap running.
const util = require('node:util');
const handler = { get: (t, k) => (k in t ? t[k] : `missing ${String(k)}`) };
const p = new Proxy({ a: 1, nested: { b: [1, 2] } }, handler);
console.log(util.inspect(p, { showProxy: true }));
console.log(util.inspect(p));
console.log(util.inspect(new Proxy([1, 2, 3], {}), { showProxy: true }));
console.log(util.inspect(new Proxy(function named() {}, {}), { showProxy: true }));
console.log(util.inspect(new Proxy(new Proxy({}, {}), { has: () => true }), { showProxy: true }));
const { proxy, revoke } = Proxy.revocable({}, {});
revoke();
console.log(util.inspect(proxy, { showProxy: true }), util.inspect(proxy));
console.log(util.inspect({ deep: { deeper: { p } } }, { showProxy: true, depth: 1 }));
console.log(util.inspect({ deep: { deeper: { p } } }, { showProxy: true, depth: 2 }));
console.log(util.inspect([p, p], { showProxy: true, breakLength: 40 }));
console.log(util.format('%o', new Proxy({ x: 1 }, {})));
console.log(util.types.isProxy(p), util.types.isProxy({}));
