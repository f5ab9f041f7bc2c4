const { test } = require('node:test');
setImmediate(() => console.log('imm0'));
setTimeout(() => console.log('timeout0'), 0);
test('one', () => { console.log('in one'); });
test('two', async () => { console.log('in two'); await new Promise(r => setTimeout(r, 300)); console.log('two later'); });
test('three', () => { console.log('in three'); });
Promise.resolve().then(() => console.log('micro'));
process.on('exit', () => console.log('exit event'));
