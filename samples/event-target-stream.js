// An EventTarget-based emitter consumed by an async generator: events become a stream with
// events.on, CustomEvent carries the data, and an AbortSignal stops the stream.
const { on, once } = require('events');

class Sensor extends EventTarget {
  #n = 0;
  read() {
    this.#n++;
    this.dispatchEvent(new CustomEvent('reading', { detail: { n: this.#n, value: this.#n * 1.5 } }));
    if (this.#n === 5) this.dispatchEvent(new Event('done'));
  }
}

async function* readings(sensor, signal) {
  for await (const [event] of on(sensor, 'reading', { signal })) {
    yield event.detail;
  }
}

async function main() {
  const sensor = new Sensor();
  console.log(sensor, sensor instanceof EventTarget);

  // Plain listeners: options, handler objects, preventDefault, removal.
  const log = (e) => console.log('listener:', e.type, e.detail.n, e.eventPhase, e.target === sensor);
  sensor.addEventListener('reading', log);
  sensor.addEventListener('reading', log); // duplicate: ignored
  sensor.addEventListener('reading', { handleEvent(e) { console.log('handler object:', e.detail.value); } }, { once: true });
  sensor.read();
  sensor.read();
  sensor.removeEventListener('reading', log);
  sensor.read();

  const cancelable = new Event('save', { cancelable: true });
  sensor.addEventListener('save', (e) => e.preventDefault());
  console.log('dispatch returned', sensor.dispatchEvent(cancelable), 'defaultPrevented', cancelable.defaultPrevented);

  const stop = new Event('stop');
  sensor.addEventListener('stop', (e) => { console.log('first'); e.stopImmediatePropagation(); });
  sensor.addEventListener('stop', () => console.log('never runs'));
  sensor.dispatchEvent(stop);

  // The stream: an async generator over the events, ended by an AbortController.
  const controller = new AbortController();
  const stream = new Sensor();
  let timer = setInterval(() => stream.read(), 5);
  once(stream, 'done').then(([e]) => {
    console.log('done event', e.type);
    clearInterval(timer);
    controller.abort();
  });
  const got = [];
  try {
    for await (const r of readings(stream, controller.signal)) {
      got.push(r.n);
      console.log('reading', r);
    }
  } catch (err) {
    console.log('stream ended:', err.name, got);
  }

  // A listener removed by its signal.
  const ac = new AbortController();
  const t = new EventTarget();
  t.addEventListener('ping', () => console.log('ping heard'), { signal: ac.signal });
  t.dispatchEvent(new Event('ping'));
  ac.abort();
  t.dispatchEvent(new Event('ping'));
  console.log('after abort, nothing more');

  // A throwing listener is reported as an uncaught exception, after dispatch returns.
  process.once('uncaughtException', (err, origin) => console.log('uncaught:', err.message, origin));
  t.addEventListener('boom', () => { throw new Error('listener failed'); });
  t.dispatchEvent(new Event('boom'));
  console.log('dispatch finished');
}

main();
