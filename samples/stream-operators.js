// Readable stream operators (map with concurrency, filter, flatMap, drop, take, some, every,
// find, forEach, reduce, toArray), their errors and abort signals; duplexPair and addAbortSignal.
const { Readable } = require('stream');
const sleep = (ms) => new Promise(r => setTimeout(r, ms));
(async () => {
  const log = [];
  const r = Readable.from([1, 2, 3, 4, 5, 6]).map(async (x) => { log.push('start ' + x); await sleep([0, 400, 40, 240, 80, 80, 80][x]); log.push('end ' + x); return x * x; }, { concurrency: 3 });
  console.log(await r.toArray(), log);
  console.log(await Readable.from([1, 2, 3]).flatMap(x => [x, x]).toArray());
  console.log(await Readable.from([1, 2, 3, 4]).drop(1).take(2).toArray());
  console.log(await Readable.from([1, 2, 3]).some(x => x > 2), await Readable.from([1, 2, 3]).every(x => x > 2), await Readable.from([1, 2, 3]).find(x => x > 1));
  await Readable.from(['a', 'b']).forEach(async (x) => { await sleep(1); console.log('each', x); });
  try { await Readable.from([]).reduce((a, b) => a + b); } catch (e) { console.log(e.name, e.code, e.message); }
  try { Readable.from([1]).map(1); } catch (e) { console.log(e.name, e.code, e.message); }
  try { Readable.from([1]).take(-1); } catch (e) { console.log(e.name, e.code, e.message); }
  try { await Readable.from([1, 2]).map(x => { if (x === 2) throw new Error('bad ' + x); return x; }).toArray(); } catch (e) { console.log('caught', e.message); }
  const ac = new AbortController();
  const p = Readable.from((async function* () { let i = 0; while (true) { yield i++; await sleep(1); } })()).map(x => x, { signal: ac.signal }).toArray();
  setTimeout(() => ac.abort(), 10);
  try { await p; } catch (e) { console.log(e.name); }
  const order = [];
  const q = Readable.from([1, 2]).map(x => { order.push('map' + x); return x; }).toArray().then(v => order.push('done'));
  Promise.resolve().then(() => order.push('p1')).then(() => order.push('p2')).then(() => order.push('p3'));
  await q; console.log(order);
  console.log(Readable.prototype.map.name, Readable.prototype.map.length, Readable.prototype.reduce.length, Readable.prototype.toArray.name);
  const { duplexPair, addAbortSignal, isDestroyed } = require('stream');
  const [a, b] = duplexPair();
  b.on('data', d => console.log('b got', d.toString()));
  a.write('hello'); a.end();
  b.on('end', () => console.log('b end'));
  const ac2 = new AbortController();
  const rs = addAbortSignal(ac2.signal, new Readable({ read() {} }));
  rs.on('error', e => console.log('rs', e.name, isDestroyed(rs)));
  ac2.abort();
})();
