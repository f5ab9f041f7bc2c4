// An 'uncaughtException' listener that throws: Node prints that error and exits with
// status 7 without running the 'exit' listeners.
process.on('uncaughtException', (err) => {
  console.log('handling', err.message);
  throw new Error('the handler failed too');
});
process.on('exit', (code) => console.log('exit listener', code));
console.log('start');
setTimeout(() => {
  throw new Error('timer failed');
}, 1);
