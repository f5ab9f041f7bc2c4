// A DOMException from structuredClone: functions, symbols and class-less objects that
// cannot be cloned, what the error looks like, and DOMException itself.
const attempts = {
  function: () => {},
  method: { greet() { return 'hi'; } },
  symbol: Symbol('id'),
  promise: Promise.resolve(1),
  weakmap: new WeakMap(),
};

for (const [label, value] of Object.entries(attempts)) {
  try {
    structuredClone(value);
    console.log(label, 'cloned');
  } catch (err) {
    console.log(`${label}: ${err.name} (code ${err.code}) - ${err.message}`);
    console.log('  DOMException?', err instanceof DOMException, 'Error?', err instanceof Error);
  }
}

// What does clone: data, and a DOMException too.
const data = { when: new Date(0), tags: new Set(['a']), nested: { list: [1, 2, 3] } };
const copy = structuredClone(data);
console.log(copy, copy !== data, copy.nested !== data.nested);

const original = new DOMException('Could not save', 'QuotaExceededError');
const cloned = structuredClone(original);
console.log(cloned instanceof DOMException, cloned.name, cloned.message, cloned.code);

// DOMException by hand: names map to the legacy codes.
for (const name of ['AbortError', 'TimeoutError', 'NotFoundError', 'DataCloneError', 'NotAllowedError']) {
  const e = new DOMException(`${name} happened`, name);
  console.log(name.padEnd(16), e.code, String(e));
}
console.log(DOMException.ABORT_ERR, DOMException.TIMEOUT_ERR, Object.prototype.toString.call(original));
const withCause = new DOMException('wrapped', { name: 'SyntaxError', cause: new Error('root') });
console.log(withCause.name, withCause.cause.message, Object.keys(withCause));

try {
  structuredClone(() => 1);
} catch (err) {
  err.stack = err.stack.split('\n')[0];
  console.log(err);
  console.log({ error: err });
}
