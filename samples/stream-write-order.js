// Writable.write's return value as Node 24 computes it (after a synchronous write finished),
// and the order of write callbacks, 'drain', 'finish', end callbacks and 'close'.
const { Writable, PassThrough } = require('node:stream');
const log = [];
const sync = new Writable({ highWaterMark: 3, write(c, e, cb) { log.push('write ' + c); cb(); } });
console.log(sync.write('abcd'), sync.write('ef'), sync.writableLength, sync.writableNeedDrain);
sync.on('drain', () => log.push('drain'));
sync.on('finish', () => log.push('finish'));
sync.on('close', () => { log.push('close'); console.log(log); });
sync.end('z', () => log.push('end cb'));
process.nextTick(() => log.push('tick'));
const asyncW = new Writable({ highWaterMark: 2, write(c, e, cb) { setTimeout(cb, 1); } });
console.log(asyncW.write('aaa'), asyncW.write('b', () => console.log('b cb')), asyncW.writableLength);
asyncW.on('drain', () => console.log('async drain'));
asyncW.end(() => console.log('async end cb'));
asyncW.on('finish', () => console.log('async finish'));
const pt = new PassThrough({ objectMode: true });
pt.on('data', (d) => console.log('pt data', d));
console.log(pt.write(1), pt.write(2));
pt.end(3);
pt.on('end', () => console.log('pt end'));
pt.on('finish', () => console.log('pt finish'));
