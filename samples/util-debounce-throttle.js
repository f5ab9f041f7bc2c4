// util.debounce and util.throttle (getters on node:util, as in Node 24): a debounced
// function runs once after calls stop for `wait` ms, every caller's promise settling with
// that run; a throttled one runs at most `limit` times per `interval` ms, queueing the rest.
const util = require('util');
const { setTimeout: sleep } = require('timers/promises');
console.log(Object.getOwnPropertyDescriptor(util, 'debounce').get.name, typeof util.debounce,
  util.debounce === util.debounce, typeof util.throttle);

async function debounceDemo() {
  const calls = [];
  const save = util.debounce(function save(doc) {
    calls.push(doc);
    return `saved ${doc}`;
  }, 30);
  console.log(save.name, save.length, Object.keys(save), save.pending, save.pendingCount);
  const p1 = save('a');
  const p2 = save('b');
  console.log(save.pendingCount, save.pending === p2);
  await sleep(10);
  const p3 = save('c');
  console.log(await Promise.all([p1, p2, p3]), calls, save.pending);

  // leading: the first call runs at once, later ones within `wait` collapse into one.
  const lead = util.debounce((x) => x * 2, 20, { leading: true });
  console.log(await lead(1), await Promise.all([lead(2), lead(3)]));

  // flush runs the pending call now; cancel rejects it with an AbortError.
  const d = util.debounce((x) => x, 1000);
  const f = d('flushed');
  d.flush();
  console.log(await f);
  const c = d('cancelled');
  d.cancel('no longer needed');
  await c.catch((e) => console.log(e.name, e.code, e.message, e.cause));

  // rejectOnCancel: a superseded call rejects instead of waiting for the last one.
  const r = util.debounce((x) => x, 10, { rejectOnCancel: true });
  const first = r(1).catch((e) => `${e.name}: ${e.message}`);
  console.log(await r(2), await first);

  // A throwing function rejects every waiting call; an aborted signal rejects them all.
  const bad = util.debounce(() => { throw new Error('boom'); }, 5);
  console.log(await Promise.allSettled([bad(), bad()]).then((rs) => rs.map((x) => x.reason.message)));
  const ac = new AbortController();
  const s = util.debounce((x) => x, 50, { signal: ac.signal });
  const sp = s(1);
  ac.abort('stop');
  await sp.catch((e) => console.log('aborted', e.name, e.cause));
  await s(2).catch((e) => console.log('after abort', e.name));
}

async function throttleDemo() {
  const started = [];
  const t0 = performance.now();
  const work = util.throttle(async function work(n) {
    started.push([n, Math.round((performance.now() - t0) / 50)]);
    return n * 10;
  }, 2, 50);
  console.log(work.name, work.length, Object.keys(work), work.hasImmediateCapacity());
  const results = await Promise.all([1, 2, 3, 4, 5].map((n) => work(n)));
  console.log(results, started, work.pendingCount, work.activeCount);

  // concurrency caps the calls running at once.
  let running = 0;
  let most = 0;
  const limited = util.throttle(async () => {
    running++;
    most = Math.max(most, running);
    await sleep(5);
    running--;
  }, 100, 1000, { concurrency: 2 });
  await Promise.all([1, 2, 3, 4, 5].map(() => limited()));
  console.log('most at once', most);

  // overflow 'drop' and maxPending reject with ERR_THROTTLED.
  const drop = util.throttle((x) => x, 1, 1000, { overflow: 'drop' });
  console.log(await drop(1), await drop(2).catch((e) => [e.code, e.message]));
  const capped = util.throttle((x) => x, 1, 20, { maxPending: 1 });
  console.log(await Promise.allSettled([capped(1), capped(2), capped(3)]).then((rs) => rs.map((x) => x.value ?? x.reason.code)));

  // cancel rejects the queued calls.
  const q = util.throttle((x) => x, 1, 1000);
  const q1 = q(1);
  const q2 = q(2);
  q.cancel();
  console.log(await q1, await q2.catch((e) => e.name));
}

for (const [what, fn] of [
  ['debounce fn', () => util.debounce(1, 1)],
  ['debounce wait', () => util.debounce(() => {}, -1)],
  ['debounce leading', () => util.debounce(() => {}, 1, { leading: 1 })],
  ['debounce signal', () => util.debounce(() => {}, 1, { signal: {} })],
  ['debounce aborted', () => util.debounce(() => {}, 1, { signal: AbortSignal.abort('x') })],
  ['throttle limit', () => util.throttle(() => {}, 0, 1)],
  ['throttle interval', () => util.throttle(() => {}, 1, 1.5)],
  ['throttle overflow', () => util.throttle(() => {}, 1, 1, { overflow: 'x' })],
  ['throttle concurrency', () => util.throttle(() => {}, 1, 1, { concurrency: 0 })],
  ['throttle strict', () => util.throttle(() => {}, 1, 1, { strict: 'yes' })],
]) {
  try {
    fn();
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.code, e.message);
  }
}
debounceDemo().then(throttleDemo);
