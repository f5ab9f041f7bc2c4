// Generator protocol misuse: the TypeErrors V8 throws, word for word.
const noThrow = {
  [Symbol.iterator]() {
    return {
      next() { return { value: 1, done: false }; },
      return() { console.log('inner iterator closed'); return {}; },
    };
  },
};
function* delegate() { yield* noThrow; }
const g = delegate();
g.next();
try { g.throw(new Error('boom')); } catch (e) { console.log(e.constructor.name, e.message); }

async function* asyncDelegate() { yield* noThrow; }
const ag = asyncDelegate();
ag.next()
  .then(() => ag.throw(new Error('boom')))
  .catch((e) => console.log('async:', e.constructor.name, e.message));

function* gen() { yield 1; }
for (const m of ['next', 'return', 'throw']) {
  for (const receiver of [{}, 42, undefined, 'text', [1], new Map()]) {
    try { gen.prototype[m].call(receiver); } catch (e) { console.log(e.message); }
  }
}
const asyncGenProto = Object.getPrototypeOf(ag);
for (const m of ['next', 'return', 'throw']) {
  asyncGenProto[m].call(gen()).catch((e) => console.log(e.constructor.name, e.message));
}
