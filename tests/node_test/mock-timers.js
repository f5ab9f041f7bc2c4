// node:test's mock.timers: virtual setTimeout/setInterval/setImmediate, Date and
// timers/promises, advanced by tick/runAll, undone when the test ends.
const { test, mock } = require('node:test');
const assert = require('node:assert');
const timersPromises = require('node:timers/promises');

test('setTimeout and clearTimeout', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const calls = [];
  setTimeout((a, b) => calls.push(['late', a, b]), 100, 'x', 'y');
  setTimeout(() => calls.push('early'), 50);
  const cancelled = setTimeout(() => calls.push('never'), 60);
  clearTimeout(cancelled);
  t.mock.timers.tick(49);
  console.log('after 49:', calls);
  t.mock.timers.tick(51);
  console.log('after 100:', calls);
  assert.deepStrictEqual(calls, ['early', ['late', 'x', 'y']]);
});

test('setInterval and runAll', (t) => {
  t.mock.timers.enable({ apis: ['setInterval', 'setTimeout'] });
  let n = 0;
  const id = setInterval(() => {
    n++;
    if (n === 3) clearInterval(id);
  }, 10);
  setTimeout(() => console.log('timeout at 25, n =', n), 25);
  t.mock.timers.runAll();
  console.log('n after runAll:', n);
  t.mock.timers.tick(100);
  assert.strictEqual(n, 3);
});

test('Date and setTime', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1000 });
  console.log(Date.now(), new Date().toISOString(), Date.isMock);
  t.mock.timers.setTime(86400000);
  console.log(new Date().toISOString());
  console.log(new Date(2020, 0, 1).getFullYear(), typeof Date());
});

test('timers/promises', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = timersPromises.setTimeout(500, 'done');
  t.mock.timers.tick(500);
  console.log(await p);
});

test('errors', (t) => {
  assert.throws(() => t.mock.timers.tick(1), { code: 'ERR_INVALID_STATE' });
  t.mock.timers.enable({ apis: ['setTimeout'] });
  try {
    t.mock.timers.enable();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  try {
    t.mock.timers.tick(-1);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  try {
    mock.timers.enable({ apis: ['nope'] });
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
});

test('restored after the test', () => {
  console.log(typeof Date.isMock, setTimeout.name);
});
