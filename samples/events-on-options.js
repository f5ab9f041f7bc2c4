// events.on's options (Node 24): `close` events end the iteration, `highWaterMark` pauses an
// emitter that has pause()/resume() while too many events wait (resumed below
// `lowWaterMark`), and bad options are rejected.
const { EventEmitter, on } = require('node:events');

async function main() {
  const ticker = new EventEmitter();
  setTimeout(() => {
    ticker.emit('tick', 1);
    ticker.emit('tick', 2);
    ticker.emit('done');
    ticker.emit('tick', 3);
  }, 1);
  for await (const [n] of on(ticker, 'tick', { close: ['done', 'end'] })) console.log('tick', n);
  console.log('loop ended; listeners left:', ticker.listenerCount('tick'), ticker.listenerCount('done'));

  const source = new EventEmitter();
  source.pause = () => console.log('  pause');
  source.resume = () => console.log('  resume');
  const it = on(source, 'data', { highWaterMark: 2, lowWaterMark: 1 });
  const info = it[Symbol.for('nodejs.watermarkData')];
  for (let i = 1; i <= 4; i++) {
    source.emit('data', i);
    console.log('emitted', i, 'queued', info.size, 'paused', info.isPaused);
  }
  for (let i = 0; i < 4; i++) {
    const { value } = await it.next();
    console.log('read', value[0], 'queued', info.size, 'paused', info.isPaused);
  }
  console.log(info.high, info.low, await it.return());

  for (const options of [{ highWaterMark: 0 }, { lowWaterMark: 1.5 }, null]) {
    try {
      on(source, 'x', options);
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
}
main();
