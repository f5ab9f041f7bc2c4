// Stack traces taken in asynchronous code read as Node's: after an `await`, V8 adds an
// `at async f` line for each async function waiting (through Promise.all/any/allSettled,
// for-await loops and `then` chains), and Node's own frames show where ticks and
// microtasks ran: `processTicksAndRejections` after a callback, `runNextTicks` between two
// timers or immediates. (This file's path is replaced by `<file>`.)
const clean = (s) => s.split(__filename).join("<file>");
const show = (e) => console.log(clean(e.stack));

async function fetchUser(id) {
  await null;
  if (id < 0) throw new Error(`no user ${id}`);
  return { id };
}

async function* users(ids) {
  for (const id of ids) yield await fetchUser(id);
}

async function main() {
  try { await fetchUser(-1); } catch (e) { show(e); }
  try { await Promise.all([fetchUser(1), fetchUser(-2)]); } catch (e) { show(e); }
  try { await Promise.allSettled([fetchUser(-3)]).then((r) => { throw r[0].reason; }); } catch (e) { show(e); }
  try { await Promise.any([fetchUser(-4)]); } catch (e) { show(e.errors[0]); }
  try { await Promise.race([fetchUser(-5)]); } catch (e) { show(e); }
  try { for await (const user of users([1, -6])) console.log(user); } catch (e) { show(e); }
  try {
    await Promise.resolve(1).then(function parse() { throw new Error("in then"); });
  } catch (e) { show(e); }
  await (async () => {
    try { await fetchUser(-7); } catch (e) { show(e); }
  })();
}

main().then(() => {
  process.nextTick(() => show(new Error("a tick")));
  process.nextTick((a, b) => show(new Error(`a tick with ${a} and ${b}`)), 1, 2);
  // The three 5 ms timers must be due together, in one run of Node's list: they may start
  // in different milliseconds on a loaded machine (in Node as in jsgen), so the script stays
  // busy 10 ms after making them, and all three are due when the loop reaches them.
  setTimeout(() => Promise.resolve().then(() => show(new Error("microtask between timers"))), 5);
  setTimeout(() => process.nextTick(() => show(new Error("tick between timers"))), 5);
  setTimeout(() => {
    setImmediate(() => Promise.resolve().then(() => show(new Error("microtask between immediates"))));
    setImmediate(() => process.nextTick(() => show(new Error("tick between immediates"))));
    setImmediate(() => show(new Error("last immediate")));
  }, 5);
  const until = Date.now() + 10;
  while (Date.now() < until);
});
