'use strict';
// The WHATWG Encoding Standard's TextEncoder and TextDecoder, as Node's
// lib/internal/encoding.js shows them (inspect output, errors, own symbol slots); the
// decoding itself is native (`crates/node/src/encoding.rs`, on encoding_rs).

const {
  codes: {
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
  validateString,
  validateObject,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
} = require('internal/errors');

const {
  getEncodingFromLabel,
  encodeUtf8String,
  encodeInto,
  decode: decodeBytes,
} = binding.internalBinding('encoding_binding');

const kValidateObjectAllowObjectsAndNull = kValidateObjectAllowNullable |
  kValidateObjectAllowArray | kValidateObjectAllowFunction;
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kEmptyObject = Object.freeze({ __proto__: null });
const kEnumerableProperty = { __proto__: null, enumerable: true };
const kHandle = Symbol('handle');
const kFlags = Symbol('flags');
const kEncoding = Symbol('encoding');
const kDecoder = Symbol('decoder');
const kEncoder = Symbol('encoder');
const kChunk = Symbol('chunk');
const kBOMSeen = Symbol('BOM seen');
const kFatal = Symbol('kFatal');
const kIgnoreBOM = Symbol('kIgnoreBOM');
const kUTF8FastPath = Symbol('kUTF8FastPath');
const kSingleByte = Symbol('single-byte');

const CONVERTER_FLAGS_FATAL = 0x2;
const CONVERTER_FLAGS_IGNORE_BOM = 0x4;

const kindOf = binding.kindOf;
const isUint8Array = (v) => kindOf(v) === 'Uint8Array';

function validateEncoder(obj) {
  if (obj == null || obj[kEncoder] !== true) throw new ERR_INVALID_THIS('TextEncoder');
}

function validateDecoder(obj) {
  if (obj == null || obj[kDecoder] !== true) throw new ERR_INVALID_THIS('TextDecoder');
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

class TextEncoder {
  constructor() {
    this[kEncoder] = true;
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    return encodeUtf8String(`${input}`);
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    validateString(src, 'src');
    if (!dest || !isUint8Array(dest)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const { 0: read, 1: written } = encodeInto(src, dest);
    return { read, written };
  }

  [customInspectSymbol](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = getConstructorOf(this);
    const obj = { __proto__: { constructor: ctor === null ? TextEncoder : ctor } };
    obj.encoding = this.encoding;
    return binding.inspect(obj, opts);
  }
}

Object.defineProperties(TextEncoder.prototype, {
  'encode': kEnumerableProperty,
  'encodeInto': kEnumerableProperty,
  'encoding': kEnumerableProperty,
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'TextEncoder' },
});

const empty = new Uint8Array(0);

function checkInput(input, utf8OneShot) {
  if (ArrayBuffer.isView(input)) return;
  const k = kindOf(input);
  if (k === 'arraybuffer' || k === 'sharedarraybuffer') return;
  if (utf8OneShot) {
    // Node's native decodeUTF8 check, worded as it is.
    throw binding.nodeError('TypeError', 'ERR_INVALID_ARG_TYPE',
      'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = kEmptyObject) {
    encoding = `${encoding}`;
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);

    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);

    let flags = 0;
    if (options !== null) {
      flags |= options.fatal ? CONVERTER_FLAGS_FATAL : 0;
      flags |= options.ignoreBOM ? CONVERTER_FLAGS_IGNORE_BOM : 0;
    }

    this[kDecoder] = true;
    this[kFlags] = flags;
    this[kEncoding] = enc;
    // Node's own slots, in its order (showHidden shows them); jsgen decodes every
    // encoding the same way, so the fast-path and single-byte slots are only shown.
    this[kIgnoreBOM] = Boolean(options?.ignoreBOM);
    this[kFatal] = Boolean(options?.fatal);
    this[kUTF8FastPath] = enc === 'utf-8';
    this[kHandle] = undefined;
    this[kSingleByte] = undefined;
    this[kChunk] = null;
    this[kBOMSeen] = false;
  }

  decode(input = empty, options = kEmptyObject) {
    validateDecoder(this);
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const stream = Boolean(options?.stream);
    checkInput(input, this[kEncoding] === 'utf-8' && !stream && this[kChunk] === null);
    const fatal = (this[kFlags] & CONVERTER_FLAGS_FATAL) !== 0;
    const stripBOM = (this[kFlags] & CONVERTER_FLAGS_IGNORE_BOM) === 0 && !this[kBOMSeen];
    const res = decodeBytes(this[kEncoding], this[kChunk], input, stream, fatal, stripBOM);
    if (res === null) {
      this[kChunk] = null;
      this[kBOMSeen] = false;
      // Node 24 throws it from C++ (THROW_ERR_ENCODING_INVALID_ENCODED_DATA): a plain
      // TypeError with a `code`, without the `[code]` a JavaScript NodeError puts in its stack.
      const err = new TypeError(`The encoded data was not valid for encoding ${this[kEncoding]}`);
      err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
      throw err;
    }
    this[kChunk] = res[1].length > 0 ? res[1] : null;
    if (!stream) this[kBOMSeen] = false;
    else if (res[2]) this[kBOMSeen] = true;
    return res[0];
  }
}

const sharedProperties = Object.getOwnPropertyDescriptors({
  get encoding() {
    validateDecoder(this);
    return this[kEncoding];
  },

  get fatal() {
    validateDecoder(this);
    return (this[kFlags] & CONVERTER_FLAGS_FATAL) === CONVERTER_FLAGS_FATAL;
  },

  get ignoreBOM() {
    validateDecoder(this);
    return (this[kFlags] & CONVERTER_FLAGS_IGNORE_BOM) === CONVERTER_FLAGS_IGNORE_BOM;
  },

  [customInspectSymbol](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = getConstructorOf(this) || TextDecoder;
    const obj = { __proto__: { constructor } };
    obj.encoding = this.encoding;
    obj.fatal = this.fatal;
    obj.ignoreBOM = this.ignoreBOM;
    if (opts.showHidden) {
      obj[kFlags] = this[kFlags];
      obj[kHandle] = this[kHandle];
    }
    return `${constructor.name} ${binding.inspect(obj)}`;
  },
});
for (const d of Object.values(sharedProperties)) Object.setPrototypeOf(d, null);
sharedProperties[customInspectSymbol].enumerable = false;

Object.defineProperties(TextDecoder.prototype, {
  decode: kEnumerableProperty,
  ...sharedProperties,
  [Symbol.toStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'TextDecoder',
  },
});

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
