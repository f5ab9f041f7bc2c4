// process.on('warning') and process.emitWarning; 'unhandledRejection' and then
// 'rejectionHandled' when the rejection gets a handler later.
process.on('warning', (w) => {
  console.log(`warning event: ${w.name}${w.code ? ` [${w.code}]` : ''}: ${w.message}`);
});
process.emitWarning('Cache size exceeds 80%');
process.emitWarning('Old option used', 'DeprecationWarning', 'APP001');
process.emitWarning('Something odd', { type: 'CustomWarning', detail: 'more details' });

const { EventEmitter } = require('events');
const emitter = new EventEmitter();
for (let i = 0; i < 11; i++) emitter.on('data', () => {});

process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandledRejection:', reason.message, promise instanceof Promise);
});
process.on('rejectionHandled', (promise) => {
  console.log('rejectionHandled:', promise instanceof Promise);
});
const late = Promise.reject(new Error('handled too late'));
setTimeout(() => {
  late.catch((err) => console.log('finally caught:', err.message));
}, 20);
console.log('script end');
