const { test } = require('node:test');
test('a', () => { setTimeout(() => console.log('lingering timer'), 100); });
setTimeout(() => console.log('script timer 50'), 50);
process.on('beforeExit', () => console.log('beforeExit'));
