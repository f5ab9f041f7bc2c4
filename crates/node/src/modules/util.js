// node:util — inspect/format (native, src/inspect/), promisify, callbackify, deprecate,
// inherits, isDeepStrictEqual and util.types, with Node 24's exports (lib/util.js).
'use strict';
const inspect = binding.inspect;
if (inspect.custom === undefined) {
  inspect.custom = Symbol.for('nodejs.util.inspect.custom');
}
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
const inspectDefaultOptions = binding.inspectDefaultOptions();
if (Object.getOwnPropertyDescriptor(inspect, 'defaultOptions') === undefined) {
  Object.defineProperty(inspect, 'defaultOptions', {
    __proto__: null,
    get() {
      return inspectDefaultOptions;
    },
    set(options) {
      if (options === null || typeof options !== 'object' || Array.isArray(options)) {
        throw binding.invalidArgType('options', 'of type object', options);
      }
      return Object.assign(inspectDefaultOptions, options);
    },
  });
}

function copyProps(target, source) {
  const descs = Object.getOwnPropertyDescriptors(source);
  for (const key of Reflect.ownKeys(descs)) {
    if (key === 'prototype') continue;
    try { Object.defineProperty(target, key, descs[key]); } catch {}
  }
  return target;
}

function promisify(original) {
  if (typeof original !== 'function') {
    throw binding.invalidArgType('original', 'of type function', original);
  }
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    if (typeof fn !== 'function') {
      throw binding.invalidArgType('util.promisify.custom', 'of type function', fn);
    }
    return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        resolve(values[0]);
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return copyProps(fn, original);
}
promisify.custom = kCustomPromisify;

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const newReason = binding.nodeError('Error', 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
    newReason.reason = reason;
    reason = newReason;
  }
  return cb(reason);
}

function callbackify(original) {
  if (typeof original !== 'function') {
    throw binding.invalidArgType('original', 'of type function', original);
  }
  function callbackified(...args) {
    const maybeCb = args.pop();
    if (typeof maybeCb !== 'function') {
      throw binding.invalidArgType('last argument', 'of type function', maybeCb);
    }
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  // Node 24 copies every own property, `length` one more and `name` + 'Callbackified'.
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length?.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name?.value === 'string') descriptors.name.value += 'Callbackified';
  for (const key of Reflect.ownKeys(descriptors)) Object.setPrototypeOf(descriptors[key], null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

const { deprecate } = require('internal/util');

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw binding.invalidArgType('ctor', 'of type function', ctor);
  if (superCtor === undefined || superCtor === null) throw binding.invalidArgType('superCtor', 'of type function', superCtor);
  if (superCtor.prototype === undefined) throw binding.invalidArgType('superCtor.prototype', 'of type object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

// Deep equality is node:internal/util/comparisons, loaded on first use (as Node's util.js
// does): most scripts that require util never compare.
let comparisons;
function isDeepStrictEqual(a, b, skipPrototype) {
  comparisons ??= require('internal/util/comparisons');
  return comparisons.isDeepStrictEqual(a, b, skipPrototype);
}

// util.types: Node's key order (internalBinding('types') first, then the JS-defined checks)
// and names (the binding's functions are anonymous, isArrayBufferView is ArrayBuffer.isView).
const kind = (k) => (v) => binding.kindOf(v) === k;
const anonymous = (f) => f;
const typedArrayNames = ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array',
  'Int8Array', 'Int16Array', 'Int32Array', 'Float16Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array'];
const isTypedArray = (v) => typedArrayNames.includes(binding.kindOf(v));
const types = {
  isArgumentsObject: kind('arguments'),
  isArrayBuffer: kind('arraybuffer'),
  isAsyncFunction: anonymous((v) => binding.kindOf(v) === 'asyncfunction' || binding.kindOf(v) === 'asyncgeneratorfunction'),
  isBigIntObject: kind('bigint'),
  isBooleanObject: kind('boolean'),
  isDate: kind('date'),
  isExternal: anonymous(() => false),
  isGeneratorFunction: anonymous((v) => binding.kindOf(v) === 'generatorfunction' || binding.kindOf(v) === 'asyncgeneratorfunction'),
  isGeneratorObject: anonymous((v) => binding.kindOf(v) === 'generator' || binding.kindOf(v) === 'asyncgenerator'),
  isMap: kind('map'),
  isMapIterator: kind('mapiterator'),
  isModuleNamespaceObject: anonymous((v) => binding.proxyKind(v) === 'namespace'),
  isNativeError: kind('error'),
  isNumberObject: kind('number'),
  isPromise: kind('promise'),
  isProxy: anonymous((v) => binding.proxyKind(v) === 'proxy'),
  isRegExp: kind('regexp'),
  isSet: kind('set'),
  isSetIterator: kind('setiterator'),
  isSharedArrayBuffer: kind('sharedarraybuffer'),
  isStringObject: kind('string'),
  isSymbolObject: kind('symbol'),
  isWeakMap: kind('weakmap'),
  isWeakSet: kind('weakset'),
  isAnyArrayBuffer: anonymous((v) => binding.kindOf(v) === 'arraybuffer' || binding.kindOf(v) === 'sharedarraybuffer'),
  isBoxedPrimitive: anonymous((v) => ['number', 'string', 'boolean', 'bigint', 'symbol'].includes(binding.kindOf(v))),
  isArrayBufferView: ArrayBuffer.isView,
  isDataView(v) { return binding.kindOf(v) === 'dataview'; },
  isTypedArray(v) { return isTypedArray(v); },
};
for (const name of typedArrayNames) {
  types[`is${name}`] = Object.defineProperty(kind(name), 'name', { value: `is${name}` });
}
// crypto's key classes (loaded only when a value could be one).
types.isKeyObject = function isKeyObject(v) {
  if (v === null || typeof v !== 'object') return false;
  const { KeyObject } = require('crypto');
  return typeof KeyObject === 'function' && v instanceof KeyObject;
};
types.isCryptoKey = function isCryptoKey(v) {
  if (v === null || typeof v !== 'object') return false;
  const { CryptoKey } = require('crypto').webcrypto ?? {};
  return typeof CryptoKey === 'function' && v instanceof CryptoKey;
};

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') throw binding.invalidArgType('str', 'of type string', str);
  // eslint-disable-next-line no-control-regex
  return str.replace(/[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d\/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d\/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, '');
}


// `util.inspect.colors` and `util.inspect.styles`, as Node's (lib/internal/util/inspect.js):
// the main names enumerable, the aliases non-enumerable accessors to their target.
if (inspect.colors === undefined) {
  inspect.colors = {
  __proto__: null,
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
  };
  for (const [alias, target] of [['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'], ['bgBlackBright', 'bgGray'], ['faint', 'dim'], ['crossedout', 'strikethrough'], ['strikeThrough', 'strikethrough'], ['crossedOut', 'strikethrough'], ['conceal', 'hidden'], ['swapColors', 'inverse'], ['swapcolors', 'inverse'], ['doubleUnderline', 'doubleunderline']]) {
    Object.defineProperty(inspect.colors, alias, {
      get() { return this[target]; },
      set(value) { this[target] = value; },
      configurable: true,
      enumerable: false,
    });
  }
  inspect.styles = Object.assign({ __proto__: null }, {
    special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
    null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red',
    module: 'underline',
  });
}

// util.styleText (Node 24's lib/util.js): escape codes for each format, skipped when the
// stream would not be colored (piped output, NO_COLOR), nested closes re-opened.
const hexColorRegExp = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
function replaceCloseCode(str, closeSeq, openSeq, keepClose) {
  const closeLen = closeSeq.length;
  let index = str.indexOf(closeSeq);
  if (index === -1) return str;
  let result = '';
  let lastIndex = 0;
  const replacement = keepClose ? closeSeq + openSeq : openSeq;
  do {
    const afterClose = index + closeLen;
    if (afterClose < str.length) {
      result += str.slice(lastIndex, index) + replacement;
      lastIndex = afterClose;
    } else {
      break;
    }
    index = str.indexOf(closeSeq, lastIndex);
  } while (index !== -1);
  return result + str.slice(lastIndex);
}
function shouldColorizeStream(stream) {
  if (process.env.FORCE_COLOR !== undefined) return binding.colorDepth(true) > 2;
  return !!stream?.isTTY &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : binding.colorDepth(false) > 2);
}
function styleText(format, text, options) {
  const errors = require('internal/errors');
  const validateStream = options?.validateStream ?? true;
  errors.validateString(text, 'text');
  if (options !== undefined) errors.validateObject(options, 'options');
  errors.validateBoolean(validateStream, 'options.validateStream');
  let skipColorize = false;
  if (validateStream) {
    const stream = options?.stream ?? process.stdout;
    if (stream === null || typeof stream !== 'object' ||
        (typeof stream.write !== 'function' && typeof stream.pipe !== 'function' &&
         typeof stream.getReader !== 'function')) {
      throw errors.codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skipColorize = !shouldColorizeStream(stream);
  }
  const formatArray = Array.isArray(format) ? format : [format];
  let openCodes = '';
  let closeCodes = '';
  let processedText = text;
  for (const key of formatArray) {
    if (key === 'none') continue;
    if (typeof key === 'string' && key[0] === '#') {
      if (hexColorRegExp.exec(key) === null) {
        throw errors.codes.ERR_INVALID_ARG_VALUE('format', key, 'must be a valid hex color (#RGB or #RRGGBB)');
      }
      if (skipColorize) continue;
      const hex = key.length === 4 ? key[1] + key[1] + key[2] + key[2] + key[3] + key[3] : key.slice(1);
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const open = `\u001b[38;2;${r};${g};${b}m`;
      openCodes += open;
      closeCodes = '\u001b[39m' + closeCodes;
      processedText = replaceCloseCode(processedText, '\u001b[39m', open, false);
      continue;
    }
    const codes = inspect.colors[key];
    if (!codes) {
      const allowed = Object.getOwnPropertyNames(inspect.colors).map((v) => `'${v}'`).join(', ');
      throw errors.codes.ERR_INVALID_ARG_VALUE('format', key, 'must be one of: ' + allowed);
    }
    const openSeq = `\u001b[${codes[0]}m`;
    const closeSeq = `\u001b[${codes[1]}m`;
    openCodes += openSeq;
    closeCodes = closeSeq + closeCodes;
    processedText = replaceCloseCode(processedText, closeSeq, openSeq, codes[0] === 2 || codes[0] === 1);
  }
  if (skipColorize) return text;
  return `${openCodes}${processedText}${closeCodes}`;
}


// ---- debuglog (lib/internal/util/debuglog.js) ---------------------------------------------
// NODE_DEBUG=a,b* enables the sections it names (case-insensitive, `*` a wildcard), read
// once at start-up as Node does; an enabled section prints `SECTION pid: message` to stderr.
const debugImpls = { __proto__: null };
const debugEnvTest = (() => {
  const env = process.env.NODE_DEBUG;
  if (!env) return () => false;
  const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replaceAll('*', '.*').replaceAll(',', '$|^');
  const re = new RegExp(`^${pattern}$`, 'i');
  return (str) => re.exec(str) !== null;
})();
function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      debugImpls[set] = function debug(...args) {
        const colors = shouldColorizeStream(process.stderr);
        const msg = binding.formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        process.stderr.write(binding.format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = function debug() {};
    }
  }
  return debugImpls[set];
}
function debuglog(set, cb) {
  let enabled;
  function init() {
    set = String.prototype.toUpperCase.call(set);
    enabled = debugEnvTest(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    get() { return test(); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// ---- system errors -------------------------------------------------------------------------
// libuv's error names and messages on Linux, as `[errno, [name, message]]` in Node's order
// (generated with the reference Node: JSON.stringify([...util.getSystemErrorMap()])).
const uvErrors = JSON.parse('[[-7,["E2BIG","argument list too long"]],[-13,["EACCES","permission denied"]],[-98,["EADDRINUSE","address already in use"]],[-99,["EADDRNOTAVAIL","address not available"]],[-97,["EAFNOSUPPORT","address family not supported"]],[-11,["EAGAIN","resource temporarily unavailable"]],[-3000,["EAI_ADDRFAMILY","address family not supported"]],[-3001,["EAI_AGAIN","temporary failure"]],[-3002,["EAI_BADFLAGS","bad ai_flags value"]],[-3013,["EAI_BADHINTS","invalid value for hints"]],[-3003,["EAI_CANCELED","request canceled"]],[-3004,["EAI_FAIL","permanent failure"]],[-3005,["EAI_FAMILY","ai_family not supported"]],[-3006,["EAI_MEMORY","out of memory"]],[-3007,["EAI_NODATA","no address"]],[-3008,["EAI_NONAME","unknown node or service"]],[-3009,["EAI_OVERFLOW","argument buffer overflow"]],[-3014,["EAI_PROTOCOL","resolved protocol is unknown"]],[-3010,["EAI_SERVICE","service not available for socket type"]],[-3011,["EAI_SOCKTYPE","socket type not supported"]],[-114,["EALREADY","connection already in progress"]],[-9,["EBADF","bad file descriptor"]],[-16,["EBUSY","resource busy or locked"]],[-125,["ECANCELED","operation canceled"]],[-4080,["ECHARSET","invalid Unicode character"]],[-103,["ECONNABORTED","software caused connection abort"]],[-111,["ECONNREFUSED","connection refused"]],[-104,["ECONNRESET","connection reset by peer"]],[-89,["EDESTADDRREQ","destination address required"]],[-17,["EEXIST","file already exists"]],[-14,["EFAULT","bad address in system call argument"]],[-27,["EFBIG","file too large"]],[-113,["EHOSTUNREACH","host is unreachable"]],[-4,["EINTR","interrupted system call"]],[-22,["EINVAL","invalid argument"]],[-5,["EIO","i/o error"]],[-106,["EISCONN","socket is already connected"]],[-21,["EISDIR","illegal operation on a directory"]],[-40,["ELOOP","too many symbolic links encountered"]],[-24,["EMFILE","too many open files"]],[-90,["EMSGSIZE","message too long"]],[-36,["ENAMETOOLONG","name too long"]],[-100,["ENETDOWN","network is down"]],[-101,["ENETUNREACH","network is unreachable"]],[-23,["ENFILE","file table overflow"]],[-105,["ENOBUFS","no buffer space available"]],[-19,["ENODEV","no such device"]],[-2,["ENOENT","no such file or directory"]],[-12,["ENOMEM","not enough memory"]],[-64,["ENONET","machine is not on the network"]],[-92,["ENOPROTOOPT","protocol not available"]],[-28,["ENOSPC","no space left on device"]],[-38,["ENOSYS","function not implemented"]],[-107,["ENOTCONN","socket is not connected"]],[-20,["ENOTDIR","not a directory"]],[-39,["ENOTEMPTY","directory not empty"]],[-88,["ENOTSOCK","socket operation on non-socket"]],[-95,["ENOTSUP","operation not supported on socket"]],[-75,["EOVERFLOW","value too large for defined data type"]],[-1,["EPERM","operation not permitted"]],[-32,["EPIPE","broken pipe"]],[-71,["EPROTO","protocol error"]],[-93,["EPROTONOSUPPORT","protocol not supported"]],[-91,["EPROTOTYPE","protocol wrong type for socket"]],[-34,["ERANGE","result too large"]],[-30,["EROFS","read-only file system"]],[-108,["ESHUTDOWN","cannot send after transport endpoint shutdown"]],[-29,["ESPIPE","invalid seek"]],[-3,["ESRCH","no such process"]],[-110,["ETIMEDOUT","connection timed out"]],[-26,["ETXTBSY","text file is busy"]],[-18,["EXDEV","cross-device link not permitted"]],[-4094,["UNKNOWN","unknown error"]],[-4095,["EOF","end of file"]],[-6,["ENXIO","no such device or address"]],[-31,["EMLINK","too many links"]],[-112,["EHOSTDOWN","host is down"]],[-121,["EREMOTEIO","remote I/O error"]],[-25,["ENOTTY","inappropriate ioctl for device"]],[-4028,["EFTYPE","inappropriate file type or format"]],[-84,["EILSEQ","illegal byte sequence"]],[-94,["ESOCKTNOSUPPORT","socket type not supported"]],[-61,["ENODATA","no data available"]],[-49,["EUNATCH","protocol driver not attached"]],[-8,["ENOEXEC","exec format error"]]]');
let uvErrorMap;
function getSystemErrorMap() {
  uvErrorMap ??= new Map(uvErrors);
  return uvErrorMap;
}
function validateSystemErrno(err) {
  const errors = require('internal/errors');
  errors.validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new errors.codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
}
function getSystemErrorName(err) {
  validateSystemErrno(err);
  return getSystemErrorMap().get(err)?.[0] ?? `Unknown system error ${err}`;
}
function getSystemErrorMessage(err) {
  validateSystemErrno(err);
  return getSystemErrorMap().get(err)?.[1] ?? `Unknown system error ${err}`;
}

function parseEnv(content) {
  require('internal/errors').validateString(content, 'content');
  return binding.parseEnv(content);
}

// `util.aborted(signal, resource)`: a promise fulfilled when `signal` aborts.
function aborted(signal, resource) {
  const errors = require('internal/errors');
  if (signal === undefined) throw errors.invalidArgType('signal', 'an instance of AbortSignal', signal);
  require('internal/abort_controller').validateAbortSignal(signal, 'signal');
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw errors.invalidArgType('resource', 'of type object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// Node's key order and descriptors (lib/util.js): the deprecated `_extend` and `isArray`
// wrapped by `deprecate`, `aborted` and the transferable helpers getters. The functions
// scripts rarely call are in internal/util/extra, loaded on first read.
module.exports = {
  _errnoException: undefined,
  _exceptionWithHostPort: undefined,
  _extend: deprecate(_extend,
    'The `util._extend` API is deprecated. Please use Object.assign() instead.', 'DEP0060'),
  callbackify,
  convertProcessSignalToExitCode: undefined,
  debug: debuglog,
  debuglog,
  deprecate(fn, msg, code, { modifyPrototype } = {}) {
    return deprecate(fn, msg, code, modifyPrototype);
  },
  format: binding.format,
  styleText,
  formatWithOptions: binding.formatWithOptions,
  getCallSites: undefined,
  getSystemErrorMap,
  getSystemErrorName,
  getSystemErrorMessage,
  inherits,
  inspect,
  isArray: deprecate(Array.isArray,
    'The `util.isArray` API is deprecated. Please use `Array.isArray()` instead.', 'DEP0044'),
  isDeepStrictEqual(a, b, skipPrototype) {
    return isDeepStrictEqual(a, b, skipPrototype);
  },
  markPromiseAsHandled: undefined,
  promisify,
  stripVTControlCharacters,
  toUSVString(input) {
    return String.prototype.toWellFormed.call(`${input}`);
  },
  get transferableAbortSignal() {
    return require('internal/util/extra').transferableAbortSignal;
  },
  get transferableAbortController() {
    return require('internal/util/extra').transferableAbortController;
  },
  get aborted() {
    return aborted;
  },
  types,
  parseEnv,
  parseArgs: undefined,
  TextDecoder: undefined,
  TextEncoder: undefined,
  MIMEType: undefined,
  MIMEParams: undefined,
  diff: undefined,
};
// Data properties in Node's places, loaded on first read (parsing them is most of what
// `require('util')` would cost otherwise).
binding.defineLazyExport(module.exports, 'parseArgs', 'internal/util/parse_args', 'parseArgs');
binding.defineLazyExport(module.exports, 'TextDecoder', 'internal/encoding', 'TextDecoder');
binding.defineLazyExport(module.exports, 'TextEncoder', 'internal/encoding', 'TextEncoder');
binding.defineLazyExport(module.exports, 'MIMEType', 'internal/mime', 'MIMEType');
binding.defineLazyExport(module.exports, 'MIMEParams', 'internal/mime', 'MIMEParams');
binding.defineLazyExport(module.exports, 'diff', 'internal/util/diff', 'diff');
// Getters named `get`, as Node defines them (ObjectDefineProperties).
Object.defineProperties(module.exports, {
  debounce: {
    configurable: true,
    enumerable: true,
    get() { return require('internal/util/debounce'); },
  },
  throttle: {
    configurable: true,
    enumerable: true,
    get() { return require('internal/util/throttle'); },
  },
});
// util.setTraceSigInt(enable): Node's SigintWatchdog (jsgen has no workers, so no
// ERR_WORKER_UNSUPPORTED_OPERATION).
module.exports.setTraceSigInt = function setTraceSigInt(enable) {
  binding.setTraceSigInt(!!enable);
};
for (const name of ['_errnoException', '_exceptionWithHostPort', 'convertProcessSignalToExitCode',
  'getCallSites', 'markPromiseAsHandled']) {
  binding.defineLazyExport(module.exports, name, 'internal/util/extra', name);
}
// util.promisify(setTimeout) / (setImmediate) are node:timers/promises' versions.
for (const [name, fn] of [['setTimeout', globalThis.setTimeout], ['setImmediate', globalThis.setImmediate]]) {
  if (typeof fn === 'function' && !Object.prototype.hasOwnProperty.call(fn, kCustomPromisify)) {
    Object.defineProperty(fn, kCustomPromisify, {
      configurable: true,
      enumerable: false,
      get() { return require('timers/promises')[name]; },
    });
  }
}
