// An exception thrown by an 'exit' listener is an uncaught exception: the listeners after
// it do not run, and the process exits with process.exitCode (1 when it is unset).
process.on('exit', (code) => {
  console.log('first exit listener, code', code);
  throw new Error('thrown while exiting');
});
process.on('exit', () => console.log('never printed'));
process.exitCode = 4;
console.log('main done');
