// Async ids (Immediate [Symbol(asyncId)]/[Symbol(triggerId)], +timeout) as Node assigns them with stdout redirected to a file.
const ids = (o) => { const s = Object.getOwnPropertySymbols(o); return `${o[s[1]]}/${o[s[2]]}`; };
const out = [];
Promise.resolve().then(() => out.push('then-main ' + ids(setImmediate(() => {}))));
process.nextTick(() => out.push('tick ' + ids(setImmediate(() => {}))));
queueMicrotask(() => out.push('qm ' + ids(setImmediate(() => {}))));
setTimeout(() => {
  out.push('timer ' + ids(setImmediate(() => {})));
  Promise.resolve().then(() => out.push('then-timer ' + ids(setImmediate(() => {}))));
  process.nextTick(() => out.push('tick-timer ' + ids(setImmediate(() => {}))));
}, 5);
setImmediate(() => {
  out.push('imm ' + ids(setImmediate(() => {})));
  Promise.resolve().then(() => out.push('then-imm ' + ids(setImmediate(() => {}))));
});
setTimeout(() => { out.push('after-err ' + ids(setImmediate(() => {}))); console.log(out.join('\n')); }, 20);
setTimeout(() => {
const id2 = (o) => o[Object.getOwnPropertySymbols(o)[1]];
console.log('a');
console.log('b', id2(setImmediate(() => {})));
setTimeout(() => {
  const x = id2(setImmediate(() => {}));
  console.log('in timer', x);
  console.log('again', id2(setImmediate(() => {})));
  Promise.resolve().then(() => console.log('then', id2(setImmediate(() => {}))));
  process.nextTick(() => console.log('tick', id2(setImmediate(() => {}))));
}, 1);
setTimeout(() => {
  console.log('t2', id2(setImmediate(() => {})));
  console.log('t2b', id2(setImmediate(() => {})));
}, 2);
}, 40);
setTimeout(() => {
const a = setTimeout(() => {}, 1);
console.log(+a);
const b = setTimeout(() => {}, 1);
console.log(+b, `${b}`);
clearTimeout(String(+b));
const c = setInterval(() => {}, 1); console.log(+c); clearInterval(+c);
setImmediate(() => console.log('unref imm')).unref();
}, 80);
