// Core modules that are aliases or small: process, console, sys, util/types, constants, tty,
// punycode, and the ESM view of them.
const process2 = require('process');
const console2 = require('node:console');
console.log(process2 === process, console2 === console);
console.log(require('util/types') === require('util').types);
console.log(Object.keys(require('util').types).join(' '));
const types = require('node:util/types');
console.log(types.isProxy(new Proxy({}, {})), types.isProxy({}), types.isPromise(Promise.resolve()),
  types.isGeneratorObject((function* () {})()), types.isAsyncFunction(async () => {}),
  types.isBoxedPrimitive(Object(1n)), types.isUint8Array(Buffer.alloc(1)), types.isExternal({}),
  types.isKeyObject({}), types.isCryptoKey({}));
const c = require('constants');
console.log(Object.keys(c).length, c.O_RDONLY, c.SIGINT, c.RTLD_LAZY, c.ENOENT, Object.isFrozen(c));
const tty = require('tty');
console.log(Object.keys(tty), tty.isatty(-1), tty.isatty(1.5), tty.isatty('1'), tty.isatty(12345));
try { new tty.WriteStream(-1); } catch (e) { console.log(e.name, e.code, e.message); }
const punycode = require('punycode');
console.log(punycode.version, Object.keys(punycode));
console.log(punycode.toASCII('mañana.com'), punycode.toUnicode('xn--maana-pta.com'));
console.log(punycode.encode('☃-⌘'), punycode.decode('--dqo34k'), punycode.ucs2.decode('𝌆'));
console.log(punycode.toASCII('джумла@джpумлатест.bрфa'));
const sys = require('sys');
console.log(sys === require('util'));
import('node:process').then((ns) => {
  console.log(ns.default === process, typeof ns.nextTick, ns.argv === process.argv);
  return import('node:tty');
}).then((ns) => console.log(Object.keys(ns).sort().join(' ')));
