// AsyncLocalStorage: the store follows awaits, promise reactions, timers, immediates,
// nextTick and queueMicrotask; EventEmitter listeners run in the emitter's caller's context.
const { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId } = require('node:async_hooks');
const { EventEmitter } = require('node:events');
const { setTimeout: sleep } = require('node:timers/promises');

const als = new AsyncLocalStorage();
const log = (label) => console.log(label, als.getStore());

async function handle(id) {
  log(`start ${id}`);
  await null;
  log(`after await ${id}`);
  await new Promise((r) => setTimeout(r, id === 1 ? 5 : 50));
  log(`after timer ${id}`);
  await new Promise((r) => {
    setImmediate(() => { log(`immediate ${id}`); r(); });
    process.nextTick(() => log(`tick ${id}`));
    queueMicrotask(() => log(`microtask ${id}`));
  });
  return id;
}

async function main() {
  const all = Promise.all([als.run({ req: 1 }, () => handle(1)), als.run({ req: 2 }, () => handle(2))]);
  log('outside');
  console.log(await all);
  log('after all');

  // A then registered inside run sees the store even if the promise settles outside.
  let resolveLater;
  const later = new Promise((r) => { resolveLater = r; });
  const done = als.run('then-time', () => later.then(() => log('then registered in run')));
  await sleep(5);
  resolveLater();
  await done;

  // Nested runs and exit.
  als.run('outer', () => {
    als.run('inner', () => log('nested'));
    log('back to outer');
    als.exit(() => log('exit'));
  });

  // EventEmitter: listeners run in the emit's context, not the on's.
  const ee = new EventEmitter();
  als.run('listener-added', () => ee.on('x', () => log('listener')));
  als.run('emitted', () => ee.emit('x'));

  // snapshot and AsyncResource.bind capture the context at creation.
  const snap = als.run('snap', () => AsyncLocalStorage.snapshot());
  snap(() => log('snapshot'));
  const bound = als.run('bound', () => AsyncResource.bind(() => log('bound')));
  await sleep(1);
  bound();

  // Async ids.
  await new Promise((r) => setTimeout(() => {
    console.log('timer ids', typeof executionAsyncId(), typeof triggerAsyncId());
    Promise.resolve().then(() => { console.log('promise ids', executionAsyncId(), triggerAsyncId()); r(); });
  }, 1));

  // enterWith lasts for the rest of the synchronous run and what it schedules.
  await new Promise((r) => setTimeout(() => {
    als.enterWith('entered');
    setTimeout(() => { log('after enterWith'); r(); }, 1);
    log('enterWith');
  }, 1));
  log('main after enterWith');
}

console.log('ids', executionAsyncId(), triggerAsyncId());
main().then(() => log('main done'));
log('main returned');

// Default value, name, disable.
const d = new AsyncLocalStorage({ defaultValue: 'dflt', name: 'store' });
console.log(d.name, d.getStore());
d.run('x', () => { d.disable(); console.log('disabled', d.getStore()); });
console.log(new AsyncLocalStorage());
