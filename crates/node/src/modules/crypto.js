'use strict';
// Node's `crypto` module, the part jsgen has: random numbers (randomBytes, randomFill,
// randomInt, randomUUID, getRandomValues), hashes and HMACs for md5/sha1/sha2
// (createHash, createHmac, hash, getHashes), key derivation (pbkdf2, scrypt, hkdf and their
// Sync forms), timingSafeEqual, and `webcrypto` (the `crypto` global: getRandomValues,
// randomUUID, subtle.digest). Shapes, validation and errors follow
// lib/internal/crypto/{hash,random,pbkdf2,scrypt,hkdf,webcrypto}.js; the natives are
// `crates/node/src/crypto.rs`.

const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
  normalizeEncoding,
  validateFunction,
  validateNumber,
  validateObject,
  validateString,
  validateBoolean,
  validateUint32,
  validateInt32,
  validateInteger,
} = require('internal/errors');

const { Buffer } = require('buffer');
const { FastBuffer, isAnyArrayBuffer, isTypedArray, getEncodingOps } = binding.bufferInternals;
const native = binding.internalBinding('crypto');
const { kindOf } = binding;

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');
const kMaxInt32 = 2 ** 31 - 1;
const kMaxPossibleLength = Math.min(require('buffer').kMaxLength, kMaxInt32);

// An error Node throws from C++ (THROW_ERR_* in node_errors.h): a plain error with a `code`
// property; unlike a JavaScript NodeError, its stack header has no `[code]`.
function cppError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  Error.captureStackTrace(err, cppError);
  return err;
}

function domException(message, name) {
  return native.domException(message, name);
}

// ---- random ----

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function fillBytes(buf, offset, size) {
  if (size === 0) return;
  const view = isAnyArrayBuffer(buf) ? new Uint8Array(buf, offset, size)
    : new Uint8Array(buf.buffer, buf.byteOffset + offset, size);
  native.randomFillSync(view);
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = new FastBuffer(size);
  fillBytes(buf, 0, size);
  if (callback === undefined) return buf;
  // Node fills on its thread pool and calls back from the event loop.
  setImmediate(() => callback.call(undefined, null, buf));
}

function validateBufferArg(buf, name = 'buf') {
  if (!isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function randomFillSync(buf, offset = 0, size) {
  validateBufferArg(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) size = buf.byteLength - offset;
  else size = assertSize(size, elementSize, offset, buf.byteLength);
  fillBytes(buf, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  validateBufferArg(buf);
  let cb;
  if (typeof offset === 'function') {
    cb = offset;
    offset = 0;
    size = buf.byteLength;
  } else if (typeof size === 'function') {
    validateFunction(callback = size, 'callback');
    cb = size;
    offset = assertOffset(offset, buf.BYTES_PER_ELEMENT || 1, buf.byteLength);
    size = buf.byteLength - offset;
  } else {
    validateFunction(callback, 'callback');
    cb = callback;
    const elementSize = buf.BYTES_PER_ELEMENT || 1;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  validateFunction(cb, 'callback');
  fillBytes(buf, offset, size);
  setImmediate(() => cb.call(undefined, null, buf));
}

const RAND_MAX = 0xFFFF_FFFF_FFFF;
const randomCache = new FastBuffer(6 * 1024);
let randomCacheOffset = randomCache.length;
const asyncCachePendingTasks = [];

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  const randLimit = RAND_MAX - (RAND_MAX % range);
  for (;;) {
    if (!isSync && randomCacheOffset === randomCache.length) {
      // Node refills the cache on its thread pool and retries from the event loop.
      asyncCachePendingTasks.push({ min, max, callback });
      if (asyncCachePendingTasks.length === 1) {
        setImmediate(() => {
          native.randomFillSync(randomCache);
          randomCacheOffset = 0;
          for (const task of asyncCachePendingTasks.splice(0)) {
            randomInt(task.min, task.max, task.callback);
          }
        });
      }
      return;
    }
    if (randomCacheOffset === randomCache.length) {
      native.randomFillSync(randomCache);
      randomCacheOffset = 0;
    }
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x < randLimit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
}

const kHex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  const b = native.randomFillSync(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return kHex[b[0]] + kHex[b[1]] + kHex[b[2]] + kHex[b[3]] + '-' +
    kHex[b[4]] + kHex[b[5]] + '-' + kHex[b[6]] + kHex[b[7]] + '-' +
    kHex[b[8]] + kHex[b[9]] + '-' + kHex[b[10]] + kHex[b[11]] +
    kHex[b[12]] + kHex[b[13]] + kHex[b[14]] + kHex[b[15]];
}

function getRandomValues(data) {
  if (!isTypedArray(data) || /^Float(16|32|64)Array$/.test(kindOf(data))) {
    throw domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw domException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  fillBytes(data, 0, data.byteLength);
  return data;
}

// ---- key derivation (lib/internal/crypto/{pbkdf2,scrypt,hkdf}.js) ----

function getArrayBufferOrView(buffer, name, encoding) {
  if (isAnyArrayBuffer(buffer)) return new Uint8Array(buffer);
  if (typeof buffer === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(buffer, encoding);
  }
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  return buffer;
}

function invalidDigest(digest) {
  return cppError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
}

// OpenSSL refuses an empty output ("Deriving bits failed", an Error without a code).
function derivingBitsFailed() {
  return new Error('Deriving bits failed');
}

// Node runs the jobs on its thread pool and calls back from the event loop's poll phase
// once the job is done (here: at once, so the next poll phase).
function runJob(callback, compute) {
  let err = null;
  let result;
  try { result = compute(); } catch (e) { err = e; }
  binding.queuePoll(() => {
    if (err !== null) callback.call(undefined, err);
    else callback.call(undefined, null, result);
  }, true);
}

function checkPbkdf2(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  if (!native.hashSupported(digest)) throw invalidDigest(digest);
  return { password, salt, iterations, keylen, digest };
}

function derivePbkdf2({ password, salt, iterations, keylen, digest }) {
  if (keylen === 0) throw derivingBitsFailed();
  const bytes = native.pbkdf2(digest, password, salt, iterations, keylen);
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const args = checkPbkdf2(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  runJob(callback, () => derivePbkdf2(args));
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return derivePbkdf2(checkPbkdf2(password, salt, iterations, keylen, digest));
}

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function incompatiblePair(a, b) {
  return binding.nodeError('TypeError', 'ERR_INCOMPATIBLE_OPTION_PAIR',
    `Option "${a}" cannot be used in combination with option "${b}"`);
}

function checkScrypt(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    const hasN = options.N !== undefined;
    if (hasN) {
      N = options.N;
      validateUint32(N, 'N');
    }
    if (options.cost !== undefined) {
      if (hasN) throw incompatiblePair('N', 'cost');
      N = options.cost;
      validateUint32(N, 'cost');
    }
    const hasR = options.r !== undefined;
    if (hasR) {
      r = options.r;
      validateUint32(r, 'r');
    }
    if (options.blockSize !== undefined) {
      if (hasR) throw incompatiblePair('r', 'blockSize');
      r = options.blockSize;
      validateUint32(r, 'blockSize');
    }
    const hasP = options.p !== undefined;
    if (hasP) {
      p = options.p;
      validateUint32(p, 'p');
    }
    if (options.parallelization !== undefined) {
      if (hasP) throw incompatiblePair('p', 'parallelization');
      p = options.parallelization;
      validateUint32(p, 'parallelization');
    }
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  // The job's constructor checks the parameters (OpenSSL's EVP_PBE_scrypt_ex).
  const refused = native.scrypt(password, salt, N, r, p, maxmem, -1);
  if (typeof refused === 'string') {
    throw cppError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', refused);
  }
  return { password, salt, keylen, N, r, p, maxmem };
}

function deriveScrypt({ password, salt, keylen, N, r, p, maxmem }) {
  const bytes = native.scrypt(password, salt, N, r, p, maxmem, keylen);
  if (typeof bytes === 'string') {
    throw cppError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', bytes);
  }
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  const args = checkScrypt(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  runJob(callback, () => deriveScrypt(args));
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  return deriveScrypt(checkScrypt(password, salt, keylen, options));
}

function checkHkdf(hash, key, salt, info, length) {
  validateString(hash, 'digest');
  if (typeof key === 'string' || isAnyArrayBuffer(key) || ArrayBuffer.isView(key)) {
    key = getArrayBufferOrView(key, 'ikm');
  } else {
    throw new ERR_INVALID_ARG_TYPE('ikm',
      ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
  }
  salt = getArrayBufferOrView(salt, 'salt');
  info = getArrayBufferOrView(info, 'info');
  validateInteger(length, 'length', 0, require('buffer').kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  if (!native.hashSupported(hash)) throw invalidDigest(hash);
  return { hash, key, salt, info, length };
}

function deriveHkdf({ hash, key, salt, info, length }) {
  if (length === 0) throw derivingBitsFailed();
  const bytes = native.hkdf(hash, key, salt, info, length);
  if (bytes === null) {
    throw cppError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  }
  return bytes.buffer.byteLength === bytes.length ? bytes.buffer : bytes.slice().buffer;
}

function hkdf(hash, key, salt, info, length, callback) {
  const args = checkHkdf(hash, key, salt, info, length);
  validateFunction(callback, 'callback');
  runJob(callback, () => deriveHkdf(args));
}

function hkdfSync(hash, key, salt, info, length) {
  return deriveHkdf(checkHkdf(hash, key, salt, info, length));
}

// ---- ciphers (lib/internal/crypto/cipher.js; AES-ECB/CBC/CTR/GCM natives in aes.rs) ----

// name → [mode, key length]; OpenSSL's names (lower-case) for the AES ciphers jsgen has.
const kCiphers = { __proto__: null };
for (const bits of [128, 192, 256]) {
  for (const mode of ['ecb', 'cbc', 'ctr', 'gcm']) kCiphers[`aes-${bits}-${mode}`] = [mode, bits / 8];
  kCiphers[`aes${bits}`] = ['cbc', bits / 8];
  kCiphers[`id-aes${bits}-gcm`] = ['gcm', bits / 8];
}
const kValidTagLengths = [4, 8, 12, 13, 14, 15, 16];

function invalidState(op) {
  return binding.nodeError('Error', 'ERR_CRYPTO_INVALID_STATE', `Invalid state for operation ${op}`);
}

// OpenSSL's errors as Node decorates them (`opensslErrorStack`, `library`, `reason`, `code`).
function opensslError(id, reason, code) {
  const message = `error:${id}:Provider routines::${reason}`;
  const err = new Error(message);
  err.opensslErrorStack = [message];
  err.library = 'Provider routines';
  err.reason = reason;
  err.code = code;
  Error.captureStackTrace(err, opensslError);
  return err;
}

function concatBytes(a, b) {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// The native CipherBase handle (printed as `CipherBase {}`): the state of one operation.
const CipherBase = class CipherBase {};

function makeCipherHandle(decrypt, cipher, key, iv, options) {
  validateString(cipher, 'cipher');
  const encoding = options != null && typeof options === 'object' ? options.encoding : undefined;
  key = prepareSecretKey(key, encoding);
  iv = iv === null ? null : getArrayBufferOrView(iv, 'iv');
  const info = kCiphers[cipher.toLowerCase()];
  if (info === undefined) throw cppError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
  const [mode, keyLength] = info;
  if (key.byteLength !== keyLength) throw cppError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  const ivLength = iv === null ? 0 : iv.byteLength;
  if ((mode === 'ecb' && ivLength !== 0) || ((mode === 'cbc' || mode === 'ctr') && ivLength !== 16) ||
      (mode === 'gcm' && ivLength === 0)) {
    throw cppError(TypeError, 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
  }
  let tagLength = 16;
  if (mode === 'gcm' && options != null && options.authTagLength !== undefined) {
    tagLength = options.authTagLength;
    if (!kValidTagLengths.includes(tagLength)) {
      throw cppError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${tagLength}`);
    }
  }
  const h = new CipherBase();
  const keyBytes = new Uint8Array(key.buffer, key.byteOffset, key.byteLength).slice();
  const ivBytes = iv === null ? new Uint8Array(0) : new Uint8Array(iv.buffer, iv.byteOffset, iv.byteLength).slice();
  const state = {
    decrypt, mode, key: keyBytes, chain: ivBytes, pending: new Uint8Array(0), padding: true,
    offset: 0, finalized: false, updated: false, aad: new Uint8Array(0), ciphertext: [],
    j0: null, counter: null, tag: null, tagLength,
  };
  if (mode === 'gcm') {
    state.j0 = native.aesGcmJ0(keyBytes, ivBytes);
    const c = state.j0.slice();
    const view = new DataView(c.buffer);
    view.setUint32(12, (view.getUint32(12) + 1) >>> 0);
    state.counter = c;
  } else if (mode === 'ctr') {
    state.counter = ivBytes;
  }
  Object.defineProperty(h, 'state', { value: state });
  return h;
}

function cipherUpdate(s, data) {
  if (s.mode === 'ctr' || s.mode === 'gcm') {
    const out = native.aesCtr(s.key, s.counter, s.offset, data, s.mode === 'gcm');
    s.offset += data.length;
    if (s.mode === 'gcm') s.ciphertext.push(s.decrypt ? data.slice() : out);
    return out;
  }
  const all = concatBytes(s.pending, data);
  let n = all.length - (all.length % 16);
  // Decrypting with padding holds back the last whole block for final() (OpenSSL's
  // `final_used`).
  if (s.decrypt && s.padding && n === all.length && n > 0) n -= 16;
  s.pending = all.slice(n);
  return runBlocks(s, all.subarray(0, n));
}

function runBlocks(s, blocks) {
  if (blocks.length === 0) return new Uint8Array(0);
  if (s.mode === 'ecb') return native.aesEcb(s.key, blocks, s.decrypt);
  const out = native.aesCbc(s.key, s.chain, blocks, s.decrypt);
  s.chain = (s.decrypt ? blocks : out).slice(blocks.length - 16);
  return out;
}

function cipherFinal(s) {
  if (s.mode === 'gcm') {
    const ct = s.ciphertext.reduce(concatBytes, new Uint8Array(0));
    const tag = native.aesGcmTag(s.key, s.j0, s.aad, ct);
    if (!s.decrypt) {
      s.tag = tag.slice(0, s.tagLength);
    } else {
      const expected = s.tag;
      let ok = expected !== null;
      for (let i = 0; ok && i < expected.length; i++) ok = expected[i] === tag[i];
      if (!ok) throw new Error('Unsupported state or unable to authenticate data');
    }
    return new Uint8Array(0);
  }
  if (s.mode === 'ctr') return new Uint8Array(0);
  const rest = s.pending;
  s.pending = new Uint8Array(0);
  if (!s.decrypt) {
    if (!s.padding) {
      if (rest.length !== 0) {
        throw opensslError('1C80006B', 'wrong final block length', 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH');
      }
      return rest;
    }
    const pad = 16 - rest.length;
    const block = new Uint8Array(16);
    block.set(rest, 0);
    block.fill(pad, rest.length);
    return runBlocks(s, block);
  }
  if (!s.padding) {
    if (rest.length !== 0) {
      throw opensslError('1C80006B', 'wrong final block length', 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH');
    }
    return rest;
  }
  if (rest.length !== 16) {
    throw opensslError('1C80006B', 'wrong final block length', 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH');
  }
  const plain = runBlocks(s, rest);
  const pad = plain[15];
  let ok = pad >= 1 && pad <= 16;
  for (let i = 16 - pad; ok && i < 16; i++) ok = plain[i] === pad;
  if (!ok) throw opensslError('1C800064', 'bad decrypt', 'ERR_OSSL_BAD_DECRYPT');
  return plain.subarray(0, 16 - pad);
}

function toFastBuffer(bytes) {
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

function getDecoder(decoder, encoding) {
  const normalized = normalizeEncoding(encoding);
  decoder ||= new (require('string_decoder').StringDecoder)(encoding);
  if (decoder.encoding !== normalized) {
    throw binding.nodeError('Error', 'ERR_INTERNAL_ASSERTION', 'Cannot change encoding');
  }
  return decoder;
}

// Node's LazyTransform: a Transform whose stream state is made on first use, so ciphers
// used only through update()/final() never build it. node:stream loads with the first cipher.
let lazyTransform = null;
function getLazyTransform(LoadedTransform) {
  if (lazyTransform !== null) return lazyTransform;
  const Transform = LoadedTransform || require('stream').Transform;
  function LazyTransform(options) { this._options = options; }
  lazyTransform = LazyTransform;
  Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
  Object.setPrototypeOf(LazyTransform, Transform);
  const makeGetter = (name) => function () {
    Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
  const makeSetter = (name) => function (val) {
    Object.defineProperty(this, name, { value: val, enumerable: true, configurable: true, writable: true });
  };
  for (const name of ['_readableState', '_writableState', '_transformState']) {
    Object.defineProperty(LazyTransform.prototype, name, {
      get: makeGetter(name), set: makeSetter(name), configurable: true, enumerable: true,
    });
  }
  return LazyTransform;
}

let streamReady = false;
function ensureStreamPrototypes() {
  if (streamReady) return;
  streamReady = true;
  const LazyTransform = getLazyTransform();
  Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Cipheriv, LazyTransform);
  Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Decipheriv, LazyTransform);
}

// Hash and Hmac are LazyTransforms in Node too (`source.pipe(hash)`), but most scripts only
// call update()/digest(), and loading node:stream for them would cost more than the hashing:
// they become streams once node:stream is loaded (at their construction if it already was,
// else when it loads: stream.js calls `_jsgen.linkStreams`).
let hashStreamsLinked = false;
function linkHashStreams(LoadedTransform) {
  if (hashStreamsLinked) return;
  hashStreamsLinked = true;
  const LazyTransform = getLazyTransform(LoadedTransform);
  for (const C of [Hash, Hmac]) {
    Object.setPrototypeOf(C.prototype, LazyTransform.prototype);
    Object.setPrototypeOf(C, LazyTransform);
    Object.defineProperty(C.prototype, '_transform', {
      value: function _transform(chunk, encoding, callback) {
        this.update(chunk, encoding);
        callback();
      },
      writable: true, configurable: true, enumerable: true,
    });
    Object.defineProperty(C.prototype, '_flush', {
      // The handle's digest, as Node's: digest() may still be called afterwards.
      value: function _flush(callback) {
        const h = this[kHandle];
        this.push(output(native.digest(h.algorithm, h.key, h.chunks)));
        callback();
      },
      writable: true, configurable: true, enumerable: true,
    });
  }
}

function initCipher(self, decrypt, cipher, key, iv, options) {
  ensureStreamPrototypes();
  self[kHandle] = makeCipherHandle(decrypt, cipher, key, iv, options);
  self._decoder = null;
  self._options = options;
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  initCipher(this, false, cipher, key, iv, options);
}

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  initCipher(this, true, cipher, key, iv, options);
}

const cipherMethods = {
  _transform(chunk, encoding, callback) {
    this.push(this.update(chunk, encoding));
    callback();
  },
  _flush(callback) {
    try {
      this.push(this.final());
    } catch (e) {
      callback(e);
      return;
    }
    callback();
  },
  update(data, inputEncoding, outputEncoding) {
    if (typeof data === 'string') {
      data = Buffer.from(data, normalizeEncoding(inputEncoding) === undefined ? 'utf8' : inputEncoding);
    } else if (!ArrayBuffer.isView(data)) {
      throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    const s = this[kHandle].state;
    if (s.finalized) throw new Error('Trying to add data in unsupported state');
    s.updated = true;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const ret = toFastBuffer(cipherUpdate(s, bytes));
    if (outputEncoding && outputEncoding !== 'buffer') {
      this._decoder = getDecoder(this._decoder, outputEncoding);
      return this._decoder.write(ret);
    }
    return ret;
  },
  final(outputEncoding) {
    const s = this[kHandle].state;
    if (s.finalized) throw cppError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    s.finalized = true;
    let bytes;
    try {
      bytes = cipherFinal(s);
    } catch (e) {
      // Node's error comes from the native final(): its stack starts at final().
      Error.captureStackTrace(e);
      throw e;
    }
    const ret = toFastBuffer(bytes);
    if (outputEncoding && outputEncoding !== 'buffer') {
      this._decoder = getDecoder(this._decoder, outputEncoding);
      return this._decoder.end(ret);
    }
    return ret;
  },
  setAutoPadding(ap) {
    const s = this[kHandle].state;
    if (s.finalized) throw invalidState('setAutoPadding');
    s.padding = ap === undefined ? true : !!ap;
    return this;
  },
  setAAD(aadbuf, options) {
    const s = this[kHandle].state;
    aadbuf = getArrayBufferOrView(aadbuf, 'aadbuf', options && options.encoding);
    if (s.mode !== 'gcm' || s.updated || s.finalized) throw invalidState('setAAD');
    s.aad = concatBytes(s.aad, new Uint8Array(aadbuf.buffer, aadbuf.byteOffset, aadbuf.byteLength).slice());
    return this;
  },
};

for (const C of [Cipheriv, Decipheriv]) {
  for (const [name, fn] of Object.entries(cipherMethods)) {
    Object.defineProperty(C.prototype, name, { value: fn, writable: true, configurable: true, enumerable: true });
  }
}
Object.defineProperty(Cipheriv.prototype, 'getAuthTag', {
  value: function getAuthTag() {
    const s = this[kHandle].state;
    if (s.tag === null) throw invalidState('getAuthTag');
    return new FastBuffer(s.tag);
  },
  writable: true, configurable: true, enumerable: true,
});
Object.defineProperty(Decipheriv.prototype, 'setAuthTag', {
  value: function setAuthTag(tagbuf, encoding) {
    tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
    const s = this[kHandle].state;
    if (s.mode !== 'gcm' || s.finalized || s.tag !== null) throw invalidState('setAuthTag');
    if (!kValidTagLengths.includes(tagbuf.byteLength)) {
      throw cppError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${tagbuf.byteLength}`);
    }
    s.tag = new Uint8Array(tagbuf.buffer, tagbuf.byteOffset, tagbuf.byteLength).slice();
    return this;
  },
  writable: true, configurable: true, enumerable: true,
});

// Only the ciphers jsgen has (Node lists all of OpenSSL's).
function getCiphers() {
  return Object.keys(kCiphers).sort();
}

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

// ---- hashes ----

function toBytes(data, encoding) {
  if (typeof data === 'string') {
    return Buffer.from(data, normalizeEncoding(encoding) === undefined ? 'utf8' : encoding);
  }
  return data;
}

function output(bytes, outputEncoding) {
  const buf = new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
  if (outputEncoding === undefined || outputEncoding === 'buffer') return buf;
  const ops = getEncodingOps(outputEncoding);
  return ops === undefined ? buf : ops.slice(buf, 0, buf.length);
}

// The native handle Node keeps under Symbol(kHandle) (prints as `Hash {}`).
const HashHandle = class Hash {};
const HmacHandle = class Hmac {};

function makeHandle(Ctor, algorithm, key, chunks) {
  const h = new Ctor();
  Object.defineProperties(h, {
    algorithm: { value: algorithm },
    key: { value: key },
    chunks: { value: chunks },
  });
  return h;
}

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  const isCopy = algorithm instanceof HashHandle;
  if (!isCopy) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ? options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  if (isCopy) {
    this[kHandle] = makeHandle(HashHandle, algorithm.algorithm, undefined, algorithm.chunks.slice());
  } else {
    if (!native.hashSupported(algorithm)) throw new Error('Digest method not supported');
    this[kHandle] = makeHandle(HashHandle, algorithm, undefined, []);
  }
  this[kState] = { [kFinalized]: false };
  if (!hashStreamsLinked && binding.coreLoaded('stream')) linkHashStreams();
  this._options = options;
}

Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this[kHandle], options);
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') {
    if (normalizeEncoding(encoding) === 'hex' && data.length % 2 !== 0) {
      throw new ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${data.length}`);
    }
  } else if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const bytes = toBytes(data, encoding);
  // A copy: later writes to the caller's buffer must not change the digest.
  this[kHandle].chunks.push(new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  const h = this[kHandle];
  const bytes = native.digest(h.algorithm, h.key, h.chunks);
  state[kFinalized] = true;
  h.chunks.length = 0;
  return output(bytes, outputEncoding && `${outputEncoding}`);
};

function prepareSecretKey(key, encoding) {
  if (typeof key === 'string') return Buffer.from(key, normalizeEncoding(encoding) === undefined ? 'utf8' : encoding);
  if (isAnyArrayBuffer(key)) return new Uint8Array(key);
  if (ArrayBuffer.isView(key)) return key;
  throw new ERR_INVALID_ARG_TYPE('key',
    ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'], key);
}

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options != null && typeof options === 'object' ? options.encoding : undefined;
  key = prepareSecretKey(key, encoding);
  if (!native.hashSupported(hmac)) {
    throw cppError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hmac}`);
  }
  if (!hashStreamsLinked && binding.coreLoaded('stream')) linkHashStreams();
  this[kHandle] = makeHandle(HmacHandle, hmac, key, []);
  this[kState] = { [kFinalized]: false };
  this._options = options;
}

Hmac.prototype.update = Hash.prototype.update;

Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) {
    // Node: a finalized Hmac digests to an empty buffer.
    return output(new Uint8Array(0), outputEncoding && `${outputEncoding}`);
  }
  const h = this[kHandle];
  const bytes = native.digest(h.algorithm, h.key, h.chunks);
  state[kFinalized] = true;
  h.chunks.length = 0;
  return output(bytes, outputEncoding && `${outputEncoding}`);
};

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let normalized = outputEncoding;
  if (outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    normalized = normalizeEncoding(outputEncoding);
    if (normalized === undefined) {
      throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding, 'must be a valid encoding', 'TypeError');
    }
  }
  if (!native.hashSupported(algorithm)) throw new Error('Digest method not supported');
  const bytes = native.digest(algorithm, undefined, [toBytes(input)]);
  return output(bytes, normalized);
}

function getHashes() {
  return native.getHashes();
}

function timingSafeEqual(buf1, buf2) {
  const ok = (b) => isAnyArrayBuffer(b) || ArrayBuffer.isView(b);
  if (!ok(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buf1);
  if (!ok(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buf2);
  if (buf1.byteLength !== buf2.byteLength) {
    throw cppError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  }
  return native.timingSafeEqual(buf1, buf2);
}

// ---- webcrypto ----

const kIllegal = Symbol('kIllegal');

function illegalConstructor() {
  return binding.nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

const kDigestNames = { 'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

class SubtleCrypto {
  constructor(...args) {
    if (args[0] !== kIllegal) throw illegalConstructor();
  }
}

async function digest(algorithm, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  if (arguments.length < 2) {
    throw binding.nodeError('TypeError', 'ERR_MISSING_ARGS',
      'The "algorithm" and "data" arguments must be specified');
  }
  const name = typeof algorithm === 'object' && algorithm !== null ? algorithm.name : algorithm;
  const alg = kDigestNames[`${name}`.toLowerCase()];
  if (alg === undefined) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  if (!isAnyArrayBuffer(data) && !ArrayBuffer.isView(data)) {
    throw binding.nodeError('TypeError', 'ERR_INVALID_ARG_TYPE',
      "Failed to execute 'digest' on 'SubtleCrypto': 2nd argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.");
  }
  const view = isAnyArrayBuffer(data) ? new Uint8Array(data) : data;
  const bytes = native.digest(alg, undefined, [view]);
  // Node digests on its thread pool; the promise settles from the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  return bytes.buffer;
}

// SubtleCrypto's methods in Node's order, with Node's lengths: plain functions returning a
// promise (errors reject it). Only `digest` is implemented; the others reject as Node does
// for an algorithm it lacks.
const kSubtleMethods = [['encrypt', 3], ['decrypt', 3], ['sign', 3], ['verify', 4],
  ['digest', 2], ['generateKey', 3], ['deriveKey', 5], ['deriveBits', 2], ['importKey', 5],
  ['exportKey', 2], ['wrapKey', 4], ['unwrapKey', 7], ['getPublicKey', 2],
  ['encapsulateBits', 2], ['encapsulateKey', 5], ['decapsulateBits', 3], ['decapsulateKey', 6]];
for (const [name, length] of kSubtleMethods) {
  const impl = name === 'digest' ? digest : async function unsupported() {
    throw domException('Unrecognized algorithm name', 'NotSupportedError');
  };
  const method = {
    [name](...args) {
      return impl.apply(this, args);
    },
  }[name];
  Object.defineProperty(method, 'length', { value: length });
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: method, writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  value: 'SubtleCrypto', configurable: true,
});

let supportsWarned = false;

// SubtleCrypto.supports(operation, algorithm[, lengthOrAdditionalAlgorithm]) (Node 24,
// experimental): whether this engine can run `operation` with `algorithm` — here only
// `digest` with the SHA-1/SHA-2 names, the one operation implemented.
Object.defineProperty(SubtleCrypto, 'supports', {
  value: function supports(operation, algorithm, lengthOrAdditionalAlgorithm = null) {
    if (!supportsWarned) {
      supportsWarned = true;
      process.emitWarning(
        'The supports Web Crypto API method is an experimental feature and might change at any time',
        'ExperimentalWarning');
    }
    if (arguments.length < 2) {
      throw binding.nodeError('TypeError', 'ERR_MISSING_ARGS',
        `Failed to execute 'supports' on 'SubtleCrypto': 2 arguments required, but only ${arguments.length} present.`);
    }
    const op = `${operation}`;
    const name = typeof algorithm === 'object' && algorithm !== null ? algorithm.name : algorithm;
    return op === 'digest' && kDigestNames[`${name}`.toLowerCase()] !== undefined;
  },
  writable: true, enumerable: true, configurable: true,
});

const subtle = new SubtleCrypto(kIllegal);

class Crypto {
  constructor(...args) {
    if (args[0] !== kIllegal) throw illegalConstructor();
  }

  get subtle() {
    if (this !== webcrypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (this !== webcrypto) throw new ERR_INVALID_THIS('Crypto');
    if (arguments.length < 1) {
      throw binding.nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "typedArray" argument must be specified');
    }
    return getRandomValues(array);
  }

  randomUUID() {
    if (this !== webcrypto) throw new ERR_INVALID_THIS('Crypto');
    return randomUUID();
  }
}

Object.defineProperties(Crypto.prototype, {
  subtle: { enumerable: true },
  getRandomValues: { enumerable: true },
  randomUUID: { enumerable: true },
  [Symbol.toStringTag]: { value: 'Crypto', configurable: true },
});

const webcrypto = new Crypto(kIllegal);

module.exports = {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  getCiphers,
  getHashes,
  hash,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  timingSafeEqual,
  Cipheriv,
  Decipheriv,
  Hash,
  Hmac,
  constants: {},
  webcrypto,
  subtle,
  getRandomValues: (array) => webcrypto.getRandomValues(array),
};

Object.defineProperty(module.exports, '_jsgen', { value: { linkStreams: linkHashStreams } });
