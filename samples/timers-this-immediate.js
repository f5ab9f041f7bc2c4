// Timer callbacks get their Timeout/Immediate as this; Immediate objects print as in Node.
{
const t = setTimeout(function () { console.log(this === globalThis, this.constructor.name, this === t); }, 1);
const i = setInterval(function () { console.log('iv', this === i, this.constructor.name); clearInterval(this); }, 60);
const im = setImmediate(function (a) { console.log('imm', this === im, this.constructor.name, a); }, 'arg');
console.log(im);
console.log(typeof im, Object.keys(im), im.hasRef(), Object.getPrototypeOf(im) === Object.getPrototypeOf(t));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(im)));
setTimeout(() => { console.log(im); console.log(require('util').inspect(im, { depth: 0 })); }, 50);
const im2 = setImmediate(() => {}); clearImmediate(im2); console.log(im2);
console.log(im.unref() === im, im.hasRef(), im.ref() === im);
console.log(String(Object.prototype.toString.call(im)));
setTimeout(() => { 'use strict'; console.log(typeof this); }, 30);
setTimeout(() => {}, 40).unref();
}
setTimeout(() => {
const a = setImmediate(() => {});
const b = setImmediate((x) => {}, 1, 2);
const c = setImmediate(() => {});
console.log(a);
console.log(b);
clearImmediate(b);
console.log(a, b);
setImmediate(function () { console.log(this); });
}, 100);
