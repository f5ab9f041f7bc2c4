// An undefined duration is 1 ms with no warning (Node's Timeout: `after === undefined`),
// as rxjs's timeoutProvider calls setTimeout(handler, undefined); NaN from anything else
// is warned about.
process.on('warning', (w) => console.log('warning:', w.name, w.message.split('\n')[0]));
setTimeout(() => console.log('undefined duration'), undefined);
setTimeout.apply(null, [() => console.log('applied undefined')]);
setInterval(function () { console.log('interval, undefined'); clearInterval(this); }, undefined);
setTimeout(() => console.log('no duration'));
setTimeout(() => console.log('string duration'), 'soon');
setTimeout(() => console.log('null duration'), null);
const { setTimeout: sleep } = require('timers/promises');
sleep(undefined, 'promised').then(console.log);
