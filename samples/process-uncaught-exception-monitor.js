// 'uncaughtExceptionMonitor' sees every uncaught exception and unhandled rejection first,
// with its origin, whether an 'uncaughtException' listener handles it or not.
process.on('uncaughtExceptionMonitor', (err, origin) => {
  console.log('monitor:', err.message, origin);
});
process.on('exit', (code) => console.log('exit', code));

let handled = 0;
function onUncaught(err, origin) {
  console.log('handler:', err.message, origin);
  if (++handled === 2) {
    // From here on nothing handles them: the next one ends the process.
    process.off('uncaughtException', onUncaught);
    setTimeout(() => Promise.reject(new Error('last rejection')), 1);
  }
}
process.on('uncaughtException', onUncaught);

setTimeout(() => {
  throw new Error('thrown in a timer');
}, 1);
Promise.reject(new Error('rejected early'));
