const { test, describe, it, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert');
test('no fn');
test(function namedFn() {});
test('done cb', (t, done) => { setTimeout(done, 1); });
test('done err', (t, done) => { done(new Error('via done')); });
test('skip inside', (t) => { t.skip('not now'); });
test('todo inside', (t) => { t.todo(); throw new Error('todo fails'); });
test('diag', (t) => { t.diagnostic('a note'); });
test('string thrown', () => { throw 'a string'; });
test('rejects', async () => { await Promise.reject(new TypeError('bad type')); });
test('timeout', { timeout: 10 }, async () => { await new Promise(r => setTimeout(r, 50)); });
test('plan', (t) => { t.plan(2); t.assert.ok(true); });
test('skip opt', { skip: 'because' }, () => {});
test('todo opt', { todo: true }, () => { throw new Error('x'); });
describe('outer', () => {
  before(() => console.log('before outer'));
  beforeEach((t) => console.log('beforeEach outer', t.name));
  describe('inner', () => {
    afterEach(() => console.log('afterEach inner'));
    it('deep', () => {});
  });
  it('shallow', async () => {});
});
describe('hook fails', () => { before(() => { throw new Error('hook boom'); }); it('a', () => {}); it('b', () => {}); });
test('names', async (t) => { console.log(t.name, t.fullName); await t.test('child', (c) => console.log(c.name, c.fullName)); });
