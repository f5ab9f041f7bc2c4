// V8's stack trace API: Error.prepareStackTrace formats stacks from CallSite objects.
const path = require('path');

console.log(typeof Error.prepareStackTrace, Error.prepareStackTrace.name, Error.prepareStackTrace.length);
console.log(Reflect.ownKeys(Error));

// The classic "callsites" helper: who called me?
function callsites() {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_, stack) => stack;
    return new Error().stack.slice(1);
  } finally {
    Error.prepareStackTrace = original;
  }
}
function logWhere(message) {
  const site = callsites()[1];
  const file = path.basename(site.getFileName());
  console.log(`${file}:${site.getLineNumber()}:${site.getColumnNumber()} ${site.getFunctionName()} - ${message}`);
}
function doWork() { logWhere('working'); }
class Service {
  constructor() { logWhere('constructing'); }
  run() { logWhere('in a method'); }
  static make() { return new Service(); }
}
doWork();
Service.make().run();
logWhere('top level');
[1].forEach(function each() { logWhere('in a callback'); });

// What each call site tells.
Error.prepareStackTrace = (err, sites) => sites.slice(0, 2).map((s) => ({
  type: s.getTypeName(),
  fn: s.getFunctionName(),
  method: s.getMethodName(),
  toplevel: s.isToplevel(),
  ctor: s.isConstructor(),
  native: s.isNative(),
  eval: s.isEval(),
  async: s.isAsync(),
  text: String(s).replace(/\(\/.*\//, '('),
}));
const counter = { increment() { return new Error('x').stack; } };
console.log(counter.increment());
function Widget() { this.stack = new Error('w').stack; }
console.log(new Widget().stack);

// Any value may come back; the default function formats as usual.
Error.prepareStackTrace = (err, sites) => `${err.name} <${err.message}> with ${sites.length > 0 ? 'frames' : 'no frames'}`;
console.log(new TypeError('custom').stack);
const target = {};
Error.captureStackTrace(target);
console.log(target.stack);
try {
  null.property;
} catch (err) {
  console.log(err.stack);
}
Error.prepareStackTrace = (err, sites) => ({ count: sites.length > 1 });
console.log(new Error('object result').stack);
Error.prepareStackTrace = () => { throw new Error('thrown while formatting'); };
try {
  console.log(new Error('never').stack);
} catch (err) {
  console.log('caught:', err.message);
}
Error.prepareStackTrace = undefined;
console.log(new Error('back to normal').stack.split('\n')[0]);
delete Error.prepareStackTrace;
console.log(new RangeError('deleted').stack.split('\n')[0]);

// CallSite objects.
Error.prepareStackTrace = (err, sites) => sites;
const site = new Error().stack[0];
const proto = Object.getPrototypeOf(site);
console.log(Reflect.ownKeys(proto), site.constructor.name, Object.keys(site), [site]);
console.log(Object.getOwnPropertyDescriptor(proto, 'getFileName'));
try {
  proto.getLineNumber.call({});
} catch (err) {
  console.log(err.message);
}
