const { test, mock } = require('node:test');
test('mocks', (t) => {
  const f = mock.fn();
  f(1); f(2, 3);
  console.log(f.mock.callCount(), f.mock.calls.map((c) => c.arguments));
  f.mock.resetCalls();
  console.log(f.mock.callCount());
  const thrower = t.mock.fn(() => { throw new Error('nope'); });
  try { thrower(); } catch (e) { console.log('threw', e.message, thrower.mock.calls[0].error === e); }
  class K { constructor(v) { this.v = v; } }
  const C = mock.fn(K);
  const k = new C(7);
  console.log(k instanceof K, k.v, C.mock.calls[0].this === k, C.mock.calls[0].target === C);
  const obj = { get x() { return 1; }, m() { return 'orig'; } };
  const g = t.mock.getter(obj, 'x', () => 42);
  console.log(obj.x, g.mock.callCount());
  t.mock.method(obj, 'm', function () { return 'mock:' + this.m.name; });
  console.log(obj.m());
  t.mock.restoreAll();
  console.log(obj.x, obj.m());
  const impl = mock.fn(() => 'a');
  impl.mock.mockImplementation(() => 'b');
  impl.mock.mockImplementationOnce(() => 'once', 2);
  console.log(impl(), impl(), impl(), impl());
  try { mock.method(obj, 'nope'); } catch (e) { console.log(e.code); }
});
