// AbortSignal.timeout racing a slow async iterator, and AbortSignal.any combining a user
// cancel with a deadline.
const { setTimeout: sleep } = require('timers/promises');
const { once } = require('events');

async function* slowNumbers() {
  for (let i = 1; i <= 10; i++) {
    await sleep(i * 15);
    yield i;
  }
}

async function consumeWithin(ms) {
  const signal = AbortSignal.timeout(ms);
  const seen = [];
  const aborted = once(signal, 'abort').then(() => {
    throw signal.reason;
  });
  const iterator = slowNumbers();
  try {
    while (true) {
      const { value, done } = await Promise.race([iterator.next(), aborted]);
      if (done) break;
      seen.push(value);
    }
    console.log('finished in time:', seen);
  } catch (err) {
    console.log(`gave up after ${ms} ms:`, err.name, '-', err.message, `(code ${err.code})`);
    console.log('received before the deadline:', seen);
    await iterator.return();
  }
}

async function main() {
  await consumeWithin(120);

  const user = new AbortController();
  const combined = AbortSignal.any([user.signal, AbortSignal.timeout(1000)]);
  combined.onabort = () => console.log('combined aborted because:', combined.reason);
  setTimeout(() => user.abort('user cancelled'), 20);
  try {
    await sleep(500, null, { signal: combined });
  } catch (err) {
    console.log(err.name, 'cause =', err.cause);
  }

  // A timeout that fires first wins the race against a slow promise.
  const deadline = AbortSignal.timeout(30);
  const result = await Promise.race([
    sleep(200, 'slow result'),
    once(deadline, 'abort').then(() => `timed out: ${deadline.reason.name}`),
  ]);
  console.log(result);
  console.log(deadline, AbortSignal.timeout(5).aborted);
}

main();
