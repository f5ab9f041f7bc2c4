// node:timers/promises: awaitable timers, and setInterval as an async iterator (an async
// generator: break closes it and clears the interval).
const { setTimeout: sleep, setImmediate: nextTurn, setInterval: every } = require('timers/promises');
const util = require('util');

async function main() {
  const start = Date.now();
  const v = await sleep(100, 'slept');
  console.log(v, Date.now() - start >= 100);
  console.log(await nextTurn('immediate value'));

  let n = 0;
  const ticks = every(50, 'tick');
  console.log(Object.prototype.toString.call(ticks));
  for await (const value of ticks) {
    n++;
    console.log(value, n);
    if (n === 3) break;
  }
  console.log('after the loop');

  const results = await Promise.all([sleep(30, 'b'), sleep(10, 'a'), sleep(20, 'c')]);
  console.log(results);

  const winner = await Promise.race([sleep(200, 'slow'), sleep(20, 'fast')]);
  console.log('race winner', winner);

  const wait = util.promisify(setTimeout);
  console.log(await wait(10, 'promisified setTimeout'));

  async function* countdown(from) {
    for (let i = from; i > 0; i--) {
      await sleep(100);
      yield i;
    }
  }
  for await (const i of countdown(3)) console.log('countdown', i);
  console.log('liftoff');
}

main();
