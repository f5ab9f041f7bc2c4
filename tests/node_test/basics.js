const test = require('node:test');
const assert = require('node:assert');
test('adds', () => { assert.strictEqual(1 + 1, 2); });
test('async ok', async () => { await new Promise(r => setTimeout(r, 5)); });
test.describe('group', () => {
  test.it('inner pass', () => {});
  test.it('inner fail', () => { assert.strictEqual(1, 2); });
  test.it.skip('skipped', () => {});
  test.it.todo('todo');
});
test('with subtests', async (t) => {
  await t.test('sub1', () => {});
  await t.test('sub2', () => { throw new Error('boom'); });
});
