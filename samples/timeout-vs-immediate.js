// setTimeout(0) vs setImmediate vs promises, from the main script and from inside callbacks.
// From the main script Node's first loop turn starts after its bootstrap (> 1 ms), so the
// 0 ms (really 1 ms) timer runs before the immediate. Inside a timer callback the check
// phase (immediates) always comes before the next timers phase.
setImmediate(() => console.log('main: immediate'));
setTimeout(() => {
  console.log('main: timeout 0');
  setTimeout(() => console.log('in timer: timeout 0'), 0);
  setImmediate(() => {
    console.log('in timer: immediate');
    Promise.resolve().then(() => console.log('in immediate: promise'));
  });
  Promise.resolve().then(() => console.log('in timer: promise'));
}, 0);
Promise.resolve().then(() => console.log('main: promise'));
queueMicrotask(() => console.log('main: microtask'));
console.log('main: sync');
