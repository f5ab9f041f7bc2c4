// Cancelling an async generator with an AbortController: the consumer aborts, the
// generator's pending sleep rejects with an AbortError, and its finally block cleans up.
const { setTimeout: sleep } = require('timers/promises');

async function* ticker(intervalMs, { signal } = {}) {
  let n = 0;
  try {
    while (true) {
      await sleep(intervalMs, undefined, { signal });
      yield ++n;
    }
  } finally {
    console.log(`ticker cleanup after ${n} ticks (aborted: ${signal.aborted})`);
  }
}

async function main() {
  const controller = new AbortController();
  const { signal } = controller;
  signal.addEventListener('abort', (event) => {
    console.log('abort event:', event.type, event.isTrusted, signal.reason.name);
  }, { once: true });

  try {
    for await (const tick of ticker(10, { signal })) {
      console.log('tick', tick);
      if (tick === 3) controller.abort();
    }
  } catch (err) {
    console.log('loop ended with', err.name, err.code, '-', err.message);
    console.log('cause:', err.cause.name, err.cause.message, err.cause.code);
    console.log('cause is the reason:', err.cause === signal.reason);
  }

  // A signal that is already aborted rejects at once.
  try {
    await sleep(1000, 'never', { signal: AbortSignal.abort('stop now') });
  } catch (err) {
    console.log(err.name, JSON.stringify(err.cause));
  }

  // A custom reason travels as the cause.
  const c2 = new AbortController();
  const pending = sleep(50, 'late', { signal: c2.signal });
  c2.abort(new Error('user pressed cancel'));
  await pending.catch((err) => console.log(err.message, '<-', err.cause.message));

  // throwIfAborted in a manual loop.
  const c3 = new AbortController();
  let i = 0;
  try {
    while (true) {
      c3.signal.throwIfAborted();
      if (++i === 4) c3.abort();
    }
  } catch (reason) {
    console.log('stopped at', i, 'with', reason instanceof DOMException, reason.name);
  }
  console.log(c3, c3.signal.aborted);
}

main();
