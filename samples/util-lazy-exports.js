// util.parseArgs, util.TextDecoder and util.TextEncoder are plain data properties, whenever
// they are first looked at (jsgen loads their modules on first use).
const util = require('util');
const show = (k) => {
  const d = Object.getOwnPropertyDescriptor(util, k);
  console.log(k, typeof d.value, d.writable, d.enumerable, d.configurable, 'get' in d);
};
show('parseArgs');
show('TextDecoder');
console.log(util.TextDecoder === TextDecoder, util.TextEncoder === TextEncoder);
console.log(util.parseArgs({ args: ['-f', 'x'], options: { f: { type: 'string', short: 'f' } } }).values);
console.log(new util.TextDecoder().decode(new util.TextEncoder().encode('héllo')));
util.TextEncoder = 'replaced before use';
console.log(util.TextEncoder, Object.getOwnPropertyDescriptor(util, 'TextEncoder').writable);
delete util.parseArgs;
console.log('parseArgs' in util);
