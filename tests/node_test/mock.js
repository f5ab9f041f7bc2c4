const { test, mock } = require('node:test');
const assert = require('node:assert');
test('mock fn', (t) => {
  const f = t.mock.fn((a, b) => a + b);
  console.log(f(1, 2), f.mock.callCount(), f.mock.calls[0].arguments, f.mock.calls[0].result);
  const o = { hi(n) { return 'hi ' + n; } };
  const m = t.mock.method(o, 'hi', () => 'mocked');
  console.log(o.hi(1), m.mock.calls.length, o.hi.mock === m.mock);
  m.mock.restore(); console.log(o.hi(2));
  const g = mock.fn(); g(5); console.log(g.mock.calls[0], Object.keys(g.mock.calls[0]));
  f.mock.mockImplementationOnce(() => 'once'); console.log(f(1, 1), f(1, 1));
});
