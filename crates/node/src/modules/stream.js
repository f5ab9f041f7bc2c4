// Copyright Joyent, Inc. and other Node contributors.
//
// Permission is hereby granted, free of charge, to any person obtaining a
// copy of this software and associated documentation files (the
// "Software"), to deal in the Software without restriction, including
// without limitation the rights to use, copy, modify, merge, publish,
// distribute, sublicense, and/or sell copies of the Software, and to permit
// persons to whom the Software is furnished to do so, subject to the
// following conditions:
//
// The above copyright notice and this permission notice shall be included
// in all copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
// OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
// MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
// NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
// DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
// OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
// USE OR OTHER DEALINGS IN THE SOFTWARE.

'use strict';
// node:stream — the logic of Node v24's lib/internal/streams/{legacy,readable,writable,
// duplex,transform,passthrough,destroy,end-of-stream,pipeline,from}.js (MIT, header above),
// condensed: no AbortSignal, no primordials; the states keep Node 24's bit fields (see
// ReadableState). Event and callback order follow Node's (every process.nextTick kept).

const EE = require('events');

let BufferCtor;
function getBuffer() {
  if (BufferCtor === undefined) {
    try { BufferCtor = require('buffer').Buffer; } catch { BufferCtor = null; }
  }
  return BufferCtor;
}
// Bytes as Node hands them out: a Buffer when jsgen has one, else the Uint8Array.
function toBuffer(u8) {
  const B = getBuffer();
  if (B && !(u8 instanceof B)) return B.from(u8.buffer, u8.byteOffset, u8.byteLength);
  return u8;
}
function fromString(s, enc) {
  const B = getBuffer();
  if (B) return B.from(s, enc);
  return binding.encode(s, enc || 'utf8');
}
function concatBytes(list, total) {
  const B = getBuffer();
  if (B) return B.concat(list, total);
  return binding.concatBytes(list);
}
function isEncoding(enc) {
  return typeof enc === 'string' &&
    /^(utf-?8|latin1|binary|ascii|utf-?16le|ucs-?2|base64|base64url|hex)$/i.test(enc);
}
function normalizeEncoding(enc) {
  const e = String(enc).toLowerCase();
  if (e === 'utf-8' || e === 'utf8') return 'utf8';
  if (e === 'ucs2' || e === 'ucs-2' || e === 'utf-16le' || e === 'utf16le') return 'utf16le';
  if (e === 'binary') return 'latin1';
  return e;
}

function nodeError(Ctor, code, msg) {
  return binding.nodeError(Ctor, code, msg);
}
const errors = {
  pushAfterEof: () => nodeError('Error', 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'),
  nullValues: () => nodeError('TypeError', 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream'),
  writeAfterEnd: () => nodeError('Error', 'ERR_STREAM_WRITE_AFTER_END', 'write after end'),
  destroyed: (m) => nodeError('Error', 'ERR_STREAM_DESTROYED', `Cannot call ${m} after a stream was destroyed`),
  alreadyFinished: (m) => nodeError('Error', 'ERR_STREAM_ALREADY_FINISHED', `Cannot call ${m} after a stream was finished`),
  multipleCallback: () => nodeError('Error', 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'),
  prematureClose: () => nodeError('Error', 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'),
  notImplemented: (m) => nodeError('Error', 'ERR_METHOD_NOT_IMPLEMENTED', `The ${m} method is not implemented`),
  unknownEncoding: (e) => nodeError('TypeError', 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${e}`),
  unshiftAfterEnd: () => nodeError('Error', 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'),
};

// ---- a string decoder (string_decoder for the encodings streams use) -------------------------

// node:string_decoder after Node's native decoder (src/string_decoder.cc): the state is a
// 7-byte buffer `[kNativeDecoder]` (up to 4 bytes of an incomplete character, the bytes
// missing, the bytes buffered, the encoding's number), which is also what inspect shows.
const kNativeDecoder = Symbol('kNativeDecoder');
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const decoderEncodings = { ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, base64url: 7 };

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding || 'utf8');
  if (!isEncoding(this.encoding) || decoderEncodings[this.encoding] === undefined) {
    throw errors.unknownEncoding(encoding);
  }
  const B = getBuffer();
  this[kNativeDecoder] = B ? B.alloc(7) : new Uint8Array(7);
  this[kNativeDecoder][kEncodingField] = decoderEncodings[this.encoding];
}

function decodeChunk(state, data, encoding) {
  const enc = encoding;
  if (enc !== 'utf8' && enc !== 'utf16le' && enc !== 'base64' && enc !== 'base64url') {
    return binding.decode(data, enc);
  }
  let prepend = '';
  let start = 0;
  let nread = data.length;
  if (state[kMissingBytes] > 0) {
    if (enc === 'utf8') {
      // A byte that is no continuation byte ends the incomplete character early.
      for (let i = 0; i < nread && i < state[kMissingBytes]; ++i) {
        if ((data[i] & 0xC0) !== 0x80) {
          state[kMissingBytes] = 0;
          state.set(data.subarray(0, i), state[kBufferedBytes]);
          state[kBufferedBytes] += i;
          start += i;
          nread -= i;
          break;
        }
      }
    }
    const found = Math.min(nread, state[kMissingBytes]);
    state.set(data.subarray(start, start + found), state[kBufferedBytes]);
    start += found;
    nread -= found;
    state[kMissingBytes] -= found;
    state[kBufferedBytes] += found;
    if (state[kMissingBytes] === 0) {
      prepend = binding.decode(state.subarray(0, state[kBufferedBytes]), enc);
      state[kBufferedBytes] = 0;
    }
  }
  if (nread === 0) return prepend;
  const last = data[start + nread - 1];
  if (enc === 'utf8' && (last & 0x80)) {
    // Ended inside a multi-byte character: find where it starts.
    for (let i = start + nread - 1; ; --i) {
      state[kBufferedBytes]++;
      if ((data[i] & 0xC0) === 0x80) {
        if (state[kBufferedBytes] >= 4 || i === start) {
          state[kBufferedBytes] = 0;
          break;
        }
      } else {
        if ((data[i] & 0xE0) === 0xC0) state[kMissingBytes] = 2;
        else if ((data[i] & 0xF0) === 0xE0) state[kMissingBytes] = 3;
        else if ((data[i] & 0xF8) === 0xF0) state[kMissingBytes] = 4;
        else {
          state[kBufferedBytes] = 0;
          break;
        }
        if (state[kBufferedBytes] >= state[kMissingBytes]) {
          state[kMissingBytes] = 0;
          state[kBufferedBytes] = 0;
        }
        state[kMissingBytes] -= state[kBufferedBytes];
        break;
      }
    }
  } else if (enc === 'utf16le') {
    if (nread % 2 === 1) {
      state[kBufferedBytes] = 1;
      state[kMissingBytes] = 1;
    } else if ((last & 0xFC) === 0xD8) {
      // The first half of a surrogate pair.
      state[kBufferedBytes] = 2;
      state[kMissingBytes] = 2;
    }
  } else if (enc === 'base64' || enc === 'base64url') {
    state[kBufferedBytes] = nread % 3;
    if (state[kBufferedBytes] > 0) state[kMissingBytes] = 3 - state[kBufferedBytes];
  }
  if (state[kBufferedBytes] > 0) {
    nread -= state[kBufferedBytes];
    state.set(data.subarray(start + nread, start + nread + state[kBufferedBytes]), 0);
  }
  const body = nread > 0 ? binding.decode(data.subarray(start, start + nread), enc) : '';
  return prepend + body;
}

function flushDecoder(state, encoding) {
  if (encoding === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    // A single trailing byte is dropped.
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  if (state[kBufferedBytes] === 0) return '';
  const ret = binding.decode(state.subarray(0, state[kBufferedBytes]), encoding);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return ret;
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw binding.invalidArgType('buf', 'an instance of Buffer, TypedArray, or DataView', buf);
  }
  if (!this[kNativeDecoder]) {
    throw nodeError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type StringDecoder');
  }
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return decodeChunk(this[kNativeDecoder], bytes, this.encoding);
};
StringDecoder.prototype.end = function end(buf) {
  const ret = buf === undefined ? '' : this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) return ret + flushDecoder(this[kNativeDecoder], this.encoding);
  return ret;
};
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};
Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder].subarray(0, 4); },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kMissingBytes]; },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes]; },
  },
});

// ---- Stream (lib/internal/streams/legacy.js) ----------------------------------------------

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

Stream.prototype.pipe = function (dest, options) {
  const source = this;
  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);
  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }
  let didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }
  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }
  function onerror(er) {
    cleanup();
    if (EE.listenerCount(this, 'error') === 0) this.emit('error', er);
  }
  source.prependListener('error', onerror);
  dest.prependListener('error', onerror);
  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);
  dest.emit('pipe', source);
  return dest;
};
// The legacy Stream's `eventNames` lists only names with listeners left (an event whose
// listeners were all removed can keep an empty array in `_events`).
Stream.prototype.eventNames = function eventNames() {
  const names = [];
  for (const key of Reflect.ownKeys(this._events)) {
    const l = this._events[key];
    if (typeof l === 'function' || (Array.isArray(l) && l.length > 0)) names.push(key);
  }
  return names;
};

// ---- destroy (lib/internal/streams/destroy.js) ----------------------------------------------

function checkError(err, w, r) {
  if (err) {
    err.stack; // eslint-disable-line no-unused-expressions
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
}

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  checkError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!s.constructed) {
    this.once(kDestroy, function (er) { _destroy(this, err || er, cb); });
  } else {
    _destroy(this, err, cb);
  }
  return this;
}

function _destroy(self, err, cb) {
  let called = false;
  function onDestroy(err) {
    if (called) return;
    called = true;
    const r = self._readableState;
    const w = self._writableState;
    checkError(err, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(err);
    if (err) process.nextTick(emitErrorCloseNT, self, err);
    else process.nextTick(emitCloseNT, self);
  }
  try {
    self._destroy(err || null, onDestroy);
  } catch (err) {
    onDestroy(err);
  }
}

// lib/internal/streams/destroy.js's `undestroy`: the stream is usable again (Node's
// `net.Socket` reconnects with it; stdio's `dummyDestroy` keeps process.stdout writable).
function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitCloseNT(self) {
  const r = self._readableState;
  const w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitErrorNT(self, err) {
  const r = self._readableState;
  const w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    err.stack; // eslint-disable-line no-unused-expressions
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

const kDestroy = Symbol('kDestroy');
const kConstruct = Symbol('kConstruct');

function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  if (stream.listenerCount(kConstruct) > 1) return;
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err ?? errors.multipleCallback());
      return;
    }
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    const s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    else stream.emit(kConstruct);
  }
  try {
    stream._construct((err) => { process.nextTick(onConstruct, err); });
  } catch (err) {
    process.nextTick(onConstruct, err);
  }
}

function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = errors.prematureClose();
  stream.destroy(err);
}

function isDestroyed(stream) {
  const w = stream._writableState;
  const r = stream._readableState;
  return !!(stream.destroyed || (w && w.destroyed) || (r && r.destroyed));
}
function isFinished(stream) {
  const w = stream._writableState;
  const r = stream._readableState;
  return (!r || r.endEmitted) && (!w || w.finished);
}

// ---- Readable (lib/internal/streams/readable.js) --------------------------------------------

const kPaused = Symbol('kPaused');

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? 16 : 64 * 1024;
}

function getHighWaterMark(options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark;
  if (hwm == null && isDuplex) hwm = options[duplexKey];
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) {
      const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
      throw nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
        `The property '${name}' is invalid. Received ${hwm}`);
    }
    return Math.floor(hwm);
  }
  return null;
}

// Node 24 keeps a stream state's flags in one bit field, `state[kState]`, behind accessors
// on the state's prototype (lib/internal/streams/utils.js, readable.js, writable.js): the
// same bits, so `console.log(stream)` shows what Node shows.
const kState = Symbol('kState');
const kObjectMode = 1 << 0;
const kErrorEmitted = 1 << 1;
const kAutoDestroy = 1 << 2;
const kEmitClose = 1 << 3;
const kDestroyed = 1 << 4;
const kClosed = 1 << 5;
const kCloseEmitted = 1 << 6;
const kErrored = 1 << 7;
const kConstructed = 1 << 8;
const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kDecoderValue = Symbol('kDecoderValue');
const kEncodingValue = Symbol('kEncodingValue');

// ReadableState's own bits.
const R = {
  ended: 1 << 9,
  endEmitted: 1 << 10,
  reading: 1 << 11,
  sync: 1 << 12,
  needReadable: 1 << 13,
  emittedReadable: 1 << 14,
  readableListening: 1 << 15,
  resumeScheduled: 1 << 16,
  multiAwaitDrain: 1 << 17,
  readingMore: 1 << 18,
  dataEmitted: 1 << 19,
  defaultUTF8Encoding: 1 << 20,
  decoder: 1 << 21,
  encoding: 1 << 22,
  hasFlowing: 1 << 23,
  flowing: 1 << 24,
  hasPaused: 1 << 25,
  paused: 1 << 26,
  dataListening: 1 << 27,
};

// The accessors are native (binding.bitAccessors): the stream code reads its flags
// constantly, and a script getter per read made streams several times slower.
function bitAccessors(kind, bit, other, valueKey, off) {
  const { get, set } = binding.bitAccessors(kState, kind, bit, other, valueKey, off);
  return { enumerable: false, get, set };
}

function makeBitMapDescriptor(bit) {
  return bitAccessors(0, bit, 0, undefined, undefined);
}

// A flag with a value stored beside it (`errored`, `decoder`, ...): null while the bit is off.
function makeValueDescriptor(bit, key, off = null) {
  return bitAccessors(2, bit, 0, key, off);
}

// A flag that may also be unset (`flowing`: null, true or false).
function makeTriStateDescriptor(hasBit, bit, off) {
  return bitAccessors(1, bit, hasBit, undefined, off);
}

function makeDefaultEncodingDescriptor(bit) {
  return {
    enumerable: false,
    get() { return (this[kState] & bit) !== 0 ? 'utf8' : this[kDefaultEncodingValue]; },
    set(value) {
      if (value === 'utf8' || value === 'utf-8') {
        this[kState] |= bit;
      } else {
        this[kState] &= ~bit;
        this[kDefaultEncodingValue] = value;
      }
    },
  };
}

function ReadableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = stream instanceof Duplex;
  this[kState] = kEmitClose | kAutoDestroy | kConstructed | R.sync;
  if (options?.objectMode) this[kState] |= kObjectMode;
  if (isDuplex && options?.readableObjectMode) this[kState] |= kObjectMode;
  const hwm = options ? getHighWaterMark(options, 'readableHighWaterMark', isDuplex) : null;
  this.highWaterMark = hwm ?? getDefaultHighWaterMark((this[kState] & kObjectMode) !== 0);
  this.buffer = [];
  this.bufferIndex = 0;
  this.length = 0;
  this.pipes = [];
  if (options && options.emitClose === false) this[kState] &= ~kEmitClose;
  if (options && options.autoDestroy === false) this[kState] &= ~kAutoDestroy;
  const defaultEncoding = options?.defaultEncoding;
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    this[kState] |= R.defaultUTF8Encoding;
  } else if (isEncoding(defaultEncoding)) {
    this.defaultEncoding = defaultEncoding;
  } else {
    throw errors.unknownEncoding(defaultEncoding);
  }
  this.awaitDrainWriters = null;
  if (options?.encoding) {
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

Object.defineProperties(ReadableState.prototype, {
  objectMode: makeBitMapDescriptor(kObjectMode),
  ended: makeBitMapDescriptor(R.ended),
  endEmitted: makeBitMapDescriptor(R.endEmitted),
  reading: makeBitMapDescriptor(R.reading),
  constructed: makeBitMapDescriptor(kConstructed),
  sync: makeBitMapDescriptor(R.sync),
  needReadable: makeBitMapDescriptor(R.needReadable),
  emittedReadable: makeBitMapDescriptor(R.emittedReadable),
  readableListening: makeBitMapDescriptor(R.readableListening),
  resumeScheduled: makeBitMapDescriptor(R.resumeScheduled),
  errorEmitted: makeBitMapDescriptor(kErrorEmitted),
  emitClose: makeBitMapDescriptor(kEmitClose),
  autoDestroy: makeBitMapDescriptor(kAutoDestroy),
  destroyed: makeBitMapDescriptor(kDestroyed),
  closed: makeBitMapDescriptor(kClosed),
  closeEmitted: makeBitMapDescriptor(kCloseEmitted),
  multiAwaitDrain: makeBitMapDescriptor(R.multiAwaitDrain),
  readingMore: makeBitMapDescriptor(R.readingMore),
  dataEmitted: makeBitMapDescriptor(R.dataEmitted),
  errored: makeValueDescriptor(kErrored, kErroredValue),
  defaultEncoding: makeDefaultEncodingDescriptor(R.defaultUTF8Encoding),
  decoder: makeValueDescriptor(R.decoder, kDecoderValue),
  encoding: makeValueDescriptor(R.encoding, kEncodingValue),
  flowing: makeTriStateDescriptor(R.hasFlowing, R.flowing, null),
  // pause()/resume() were called (null: neither yet).
  [kPaused]: makeTriStateDescriptor(R.hasPaused, R.paused, null),
});

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = this instanceof Duplex;
  this._events ??= {
    close: undefined,
    error: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
  }
  Stream.call(this, options);
  if (this._construct) {
    construct(this, () => {
      if (this._readableState.needReadable) maybeReadMore(this, this._readableState);
    });
  }
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

Readable.ReadableState = ReadableState;
Readable.prototype.destroy = destroy;
Readable.prototype._undestroy = undestroy;
Readable.prototype._destroy = function (err, cb) { cb(err); };
Readable.prototype[EE.captureRejectionSymbol] = function (err) { this.destroy(err); };
Readable.prototype[Symbol.asyncDispose] = async function () {
  let error;
  if (!this.destroyed) {
    const { AbortError } = require('internal/abort_controller');
    error = this.readableEnded ? null : new AbortError();
    this.destroy(error);
  }
  await new Promise((resolve, reject) => eos(this, (err) => (err && err !== error ? reject(err) : resolve(null))));
};

Readable.prototype.push = function (chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, false);
};
Readable.prototype.unshift = function (chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, true);
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  let err;
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) {
          chunk = binding.decode(fromString(chunk, encoding), state.encoding);
        } else {
          chunk = fromString(chunk, encoding);
          encoding = '';
        }
      }
    } else if (ArrayBuffer.isView(chunk)) {
      // Node 24 takes any ArrayBufferView, as a Buffer over the same bytes.
      chunk = toBuffer(chunk);
      encoding = '';
    } else if (chunk != null) {
      err = binding.invalidArgType('chunk',
        'of type string or an instance of Buffer, TypedArray, or DataView', chunk);
    }
  }
  if (err) {
    errorOrDestroy(stream, err);
  } else if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
  } else if (state.objectMode || (chunk && chunk.length > 0)) {
    if (addToFront) {
      if (state.endEmitted) errorOrDestroy(stream, errors.unshiftAfterEnd());
      else if (state.destroyed || state.errored) return false;
      else addChunk(stream, state, chunk, true);
    } else if (state.ended) {
      errorOrDestroy(stream, errors.pushAfterEof());
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (addToFront) state.buffer.unshift(chunk);
    else state.buffer.push(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function () {
  const state = this._readableState;
  return state[kPaused] === true || state.flowing === false;
};

Readable.prototype.setEncoding = function (enc) {
  const decoder = new StringDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  let content = '';
  for (const data of state.buffer) content += decoder.write(data);
  state.buffer = [];
  if (content !== '') state.buffer.push(content);
  state.length = content.length;
  return this;
};

const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) {
    throw nodeError('RangeError', 'ERR_OUT_OF_RANGE',
      `The value of "size" is out of range. It must be <= 1GiB. Received ${n}`);
  }
  n--;
  n |= n >>> 1; n |= n >>> 2; n |= n >>> 4; n |= n >>> 8; n |= n >>> 16;
  n++;
  return n;
}

function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (Number.isNaN(n)) {
    if (state.flowing && state.length) return state.buffer[0].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

Readable.prototype.read = function (n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;
  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) ||
       state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this);
    else emitReadable(this);
    return null;
  }
  n = howMuchToRead(n, state);
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }
  let doRead = state.needReadable;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }
  let ret;
  if (n > 0) ret = fromList(n, state);
  else ret = null;
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }
  if (state.length === 0) {
    if (!state.ended) state.needReadable = true;
    if (nOrig !== n && state.ended) endReadable(this);
  }
  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }
  return ret;
};

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const chunk = state.decoder.end();
    if (chunk && chunk.length) {
      state.buffer.push(chunk);
      state.length += state.objectMode ? 1 : chunk.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadable_(stream);
  }
}

function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

Readable.prototype._read = function (n) {
  throw errors.notImplemented('_read()');
};

Readable.prototype.pipe = function (dest, pipeOpts) {
  const src = this;
  const state = this._readableState;
  state.pipes.push(dest);
  const doEnd = (!pipeOpts || pipeOpts.end !== false) &&
    dest !== process.stdout && dest !== process.stderr;
  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) process.nextTick(endFn);
  else src.once('end', endFn);
  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src) {
      if (unpipeInfo && unpipeInfo.hasUnpiped === false) {
        unpipeInfo.hasUnpiped = true;
        cleanup();
      }
    }
  }
  function onend() { dest.end(); }
  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    if (ondrain && state.awaitDrainWriters &&
        (!dest._writableState || dest._writableState.needDrain)) ondrain();
  }
  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        if (!state.multiAwaitDrain) {
          state.multiAwaitDrain = true;
          state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
        }
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }
  src.on('data', ondata);
  function ondata(chunk) {
    const ret = dest.write(chunk);
    if (ret === false) pause();
  }
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  dest.prependListener('error', onerror);
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);
  function unpipe() { src.unpipe(dest); }
  dest.emit('pipe', src);
  if (dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();
  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
    else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) &&
        src.listenerCount('data')) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function (dest) {
  const state = this._readableState;
  const unpipeInfo = { hasUnpiped: false };
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, unpipeInfo);
  return this;
};

Readable.prototype.on = function (ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state[kState] |= R.dataListening;
    if (this.listenerCount('readable') > 0) state.readableListening = true;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick(nReadingNextTick, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function (ev, fn) {
  const state = this._readableState;
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') {
    process.nextTick(updateReadableListening, this);
  } else if (ev === 'data' && this.listenerCount('data') === 0) {
    state[kState] &= ~R.dataListening;
  }
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function (ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state[kPaused] === false) state.flowing = true;
  else if (self.listenerCount('data') > 0) self.resume();
  else if (!state.readableListening) state.flowing = null;
}

function nReadingNextTick(self) {
  self.read(0);
}

Readable.prototype.resume = function () {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    resume(this, state);
  }
  state[kPaused] = false;
  return this;
};

function resume(stream, state) {
  if (!state.resumeScheduled) {
    state.resumeScheduled = true;
    process.nextTick(resume_, stream, state);
  }
}

function resume_(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function () {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state[kPaused] = true;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

Readable.prototype.wrap = function (stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => { this.push(null); });
  stream.on('error', (err) => { errorOrDestroy(this, err); });
  stream.on('close', () => { this.destroy(); });
  stream.on('destroy', () => { this.destroy(); });
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function () {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function (options) {
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  return iter;
}

async function* createAsyncIterator(stream, options) {
  let callback = nop;
  function next(resolve) {
    if (this === stream) {
      callback();
      callback = nop;
    } else {
      callback = resolve;
    }
  }
  stream.on('readable', next);
  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    callback();
    callback = nop;
  });
  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise(next);
      }
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    if ((error || (options && options.destroyOnReturn) !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

function nop() {}

function defineGetters(proto, getters) {
  for (const k of Object.keys(getters)) {
    const d = getters[k];
    Object.defineProperty(proto, k, {
      get: d.get || d,
      set: d.set,
      enumerable: false,
      configurable: true,
    });
  }
}

defineGetters(Readable.prototype, {
  readable: {
    get() {
      const r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
  },
  readableDidRead() { return this._readableState.dataEmitted; },
  readableAborted() {
    const r = this._readableState;
    return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
  },
  readableHighWaterMark() { return this._readableState.highWaterMark; },
  readableBuffer() { return this._readableState && this._readableState.buffer; },
  readableFlowing: {
    get() { return this._readableState.flowing; },
    set(state) { if (this._readableState) this._readableState.flowing = state; },
  },
  readableLength() { return this._readableState.length; },
  readableObjectMode() { return this._readableState ? this._readableState.objectMode : false; },
  readableEncoding() { return this._readableState ? this._readableState.encoding : null; },
  errored() { return this._readableState ? this._readableState.errored : null; },
  closed() { return this._readableState ? this._readableState.closed : false; },
  destroyed: {
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) { if (this._readableState) this._readableState.destroyed = value; },
  },
  readableEnded() { return this._readableState ? this._readableState.endEmitted : false; },
});

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNT, stream);
    } else if (state.autoDestroy) {
      const wState = stream._writableState;
      const autoDestroy = !wState ||
        (wState.autoDestroy && (wState.finished || wState.writable === false));
      if (autoDestroy) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  const writable = stream.writable && !stream.writableEnded && !stream.destroyed;
  if (writable) stream.end();
}

function fromList(n, state) {
  if (state.length === 0) return null;
  let ret;
  const buf = state.buffer;
  if (state.objectMode) {
    ret = buf.shift();
  } else if (!n || n >= state.length) {
    if (state.decoder) ret = buf.join('');
    else if (buf.length === 1) ret = buf[0];
    else ret = toBuffer(concatBytes(buf, state.length));
    state.buffer = [];
  } else if (n < buf[0].length) {
    ret = buf[0].slice(0, n);
    buf[0] = buf[0].slice(n);
  } else if (n === buf[0].length) {
    ret = buf.shift();
  } else if (state.decoder) {
    ret = '';
    while (ret.length < n) {
      const need = n - ret.length;
      const s = buf[0];
      if (s.length <= need) { ret += s; buf.shift(); }
      else { ret += s.slice(0, need); buf[0] = s.slice(need); }
    }
  } else {
    const parts = [];
    let got = 0;
    while (got < n) {
      const b = buf[0];
      const need = n - got;
      if (b.length <= need) { parts.push(b); got += b.length; buf.shift(); }
      else { parts.push(b.subarray(0, need)); buf[0] = b.subarray(need); got += need; }
    }
    ret = toBuffer(concatBytes(parts, n));
  }
  return ret;
}

Readable.from = function (iterable, opts) {
  return from(Readable, iterable, opts);
};

Readable.wrap = function (src, options) {
  return new Readable({ objectMode: src.readableObjectMode ?? src.objectMode ?? true, ...options,
    destroy(err, callback) { destroyer(src, err); callback(err); } }).wrap(src);
};

function isDisturbed(stream) {
  const r = stream._readableState;
  return !!(r && (r.dataEmitted || r.destroyed || r.errored));
};

// ---- Readable.from (lib/internal/streams/from.js) -------------------------------------------

function from(ReadableCtor, iterable, opts) {
  let iterator;
  if (typeof iterable === 'string' || iterable instanceof Uint8Array) {
    return new ReadableCtor({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }
  let isAsync;
  if (iterable && iterable[Symbol.asyncIterator]) {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && iterable[Symbol.iterator]) {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw binding.invalidArgType('iterable', 'an instance of Iterable', iterable);
  }
  const readable = new ReadableCtor({ objectMode: true, highWaterMark: 1, ...opts });
  let reading = false;
  let isAsyncValues = false;
  readable._read = function () {
    if (!reading) {
      reading = true;
      if (isAsync) nextAsync();
      else if (isAsyncValues) nextSyncWithAsyncValues();
      else nextSync();
    }
  };
  readable._destroy = function (error, cb) {
    close(error).then(
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error),
    );
  };
  async function close(error) {
    const hadError = error !== undefined && error !== null;
    const hasThrow = typeof iterator.throw === 'function';
    if (hadError && hasThrow) {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }
  function nextSync() {
    for (;;) {
      try {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (value && typeof value.then === 'function') {
          return changeToAsyncValues(value);
        }
        if (value === null) {
          reading = false;
          throw errors.nullValues();
        }
        if (readable.push(value)) continue;
        else reading = false;
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }
  async function changeToAsyncValues(value) {
    isAsyncValues = true;
    try {
      const res = await value;
      if (res === null) {
        reading = false;
        throw errors.nullValues();
      }
      if (readable.push(res)) {
        nextSyncWithAsyncValues();
        return;
      }
      reading = false;
    } catch (err) {
      readable.destroy(err);
    }
  }
  async function nextSyncWithAsyncValues() {
    for (;;) {
      try {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        const res = (value && typeof value.then === 'function') ? await value : value;
        if (res === null) {
          reading = false;
          throw errors.nullValues();
        }
        if (readable.push(res)) continue;
        else reading = false;
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }
  async function nextAsync() {
    for (;;) {
      try {
        const { value, done } = await iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (value === null) {
          reading = false;
          throw errors.nullValues();
        }
        if (readable.push(value)) continue;
        else reading = false;
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }
  return readable;
}

// ---- Writable (lib/internal/streams/writable.js) --------------------------------------------

const kOnFinished = Symbol('kOnFinished');

// WritableState's own bits (writable.js).
const W = {
  sync: 1 << 9,
  finalCalled: 1 << 10,
  needDrain: 1 << 11,
  ending: 1 << 12,
  finished: 1 << 13,
  decodeStrings: 1 << 14,
  writing: 1 << 15,
  bufferProcessing: 1 << 16,
  prefinished: 1 << 17,
  allBuffers: 1 << 18,
  allNoop: 1 << 19,
  onFinished: 1 << 20,
  hasWritable: 1 << 21,
  writable: 1 << 22,
  corked: 1 << 23,
  defaultUTF8Encoding: 1 << 24,
  writeCb: 1 << 25,
  expectWriteCb: 1 << 26,
  afterWriteTickInfo: 1 << 27,
  afterWritePending: 1 << 28,
  buffered: 1 << 29,
  ended: 1 << 30,
};
const kOnFinishedValue = Symbol('kOnFinishedValue');
const kWriteCbValue = Symbol('kWriteCbValue');
const kAfterWriteTickInfoValue = Symbol('kAfterWriteTickInfoValue');
const kBufferedValue = Symbol('kBufferedValue');

function WritableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = stream instanceof Duplex;
  this[kState] = W.sync | kConstructed | kEmitClose | kAutoDestroy;
  if (options?.objectMode) this[kState] |= kObjectMode;
  if (isDuplex && options?.writableObjectMode) this[kState] |= kObjectMode;
  const hwm = options ? getHighWaterMark(options, 'writableHighWaterMark', isDuplex) : null;
  this.highWaterMark = hwm ?? getDefaultHighWaterMark((this[kState] & kObjectMode) !== 0);
  if (!options || options.decodeStrings !== false) this[kState] |= W.decodeStrings;
  if (options && options.emitClose === false) this[kState] &= ~kEmitClose;
  if (options && options.autoDestroy === false) this[kState] &= ~kAutoDestroy;
  const defaultEncoding = options ? options.defaultEncoding : null;
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    this[kState] |= W.defaultUTF8Encoding;
  } else if (isEncoding(defaultEncoding)) {
    this[kState] &= ~W.defaultUTF8Encoding;
    this[kDefaultEncodingValue] = defaultEncoding;
  } else {
    throw errors.unknownEncoding(defaultEncoding);
  }
  this.length = 0;
  this.corked = 0;
  this.onwrite = (er) => onwrite(stream, er);
  this.writelen = 0;
  resetBuffer(this);
  this.pendingcb = 0;
}

Object.defineProperties(WritableState.prototype, {
  objectMode: makeBitMapDescriptor(kObjectMode),
  finalCalled: makeBitMapDescriptor(W.finalCalled),
  needDrain: makeBitMapDescriptor(W.needDrain),
  ending: makeBitMapDescriptor(W.ending),
  ended: makeBitMapDescriptor(W.ended),
  finished: makeBitMapDescriptor(W.finished),
  destroyed: makeBitMapDescriptor(kDestroyed),
  decodeStrings: makeBitMapDescriptor(W.decodeStrings),
  writing: makeBitMapDescriptor(W.writing),
  sync: makeBitMapDescriptor(W.sync),
  bufferProcessing: makeBitMapDescriptor(W.bufferProcessing),
  constructed: makeBitMapDescriptor(kConstructed),
  prefinished: makeBitMapDescriptor(W.prefinished),
  errorEmitted: makeBitMapDescriptor(kErrorEmitted),
  emitClose: makeBitMapDescriptor(kEmitClose),
  autoDestroy: makeBitMapDescriptor(kAutoDestroy),
  closed: makeBitMapDescriptor(kClosed),
  closeEmitted: makeBitMapDescriptor(kCloseEmitted),
  allBuffers: makeBitMapDescriptor(W.allBuffers),
  allNoop: makeBitMapDescriptor(W.allNoop),
  errored: makeValueDescriptor(kErrored, kErroredValue),
  writable: makeTriStateDescriptor(W.hasWritable, W.writable, undefined),
  defaultEncoding: makeDefaultEncodingDescriptor(W.defaultUTF8Encoding),
  // The pending write's callback (null when none: onwrite checks for a second call).
  writecb: bitAccessors(3, W.writeCb, 0, kWriteCbValue, null),
  afterWriteTickInfo: bitAccessors(3, W.afterWriteTickInfo, 0, kAfterWriteTickInfoValue, null),
  // The writes waiting while one is in progress (an empty, frozen array while there are
  // none; writeOrBuffer makes the stored one).
  buffered: bitAccessors(3, W.buffered, 0, kBufferedValue, Object.freeze([])),
  // end()'s callbacks (the array exists once one was added).
  [kOnFinished]: {
    enumerable: false,
    get() { return (this[kState] & W.onFinished) !== 0 ? this[kOnFinishedValue] : []; },
  },
});

function addOnFinished(state, cb) {
  if ((state[kState] & W.onFinished) === 0) {
    state[kState] |= W.onFinished;
    state[kOnFinishedValue] ??= [];
  }
  state[kOnFinishedValue].push(cb);
}

// The end() callbacks to call now: taken out of the state.
function takeOnFinished(state) {
  if ((state[kState] & W.onFinished) === 0) return [];
  const callbacks = state[kOnFinishedValue];
  state[kOnFinishedValue] = null;
  state[kState] &= ~W.onFinished;
  return callbacks;
}

WritableState.prototype.getBuffer = function getBuffer() {
  return (this[kState] & W.buffered) === 0 ? [] : this.buffered.slice(this.bufferedIndex);
};

Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  get() { return (this[kState] & W.buffered) === 0 ? 0 : this[kBufferedValue].length - this.bufferedIndex; },
});

function resetBuffer(state) {
  state[kBufferedValue] = null;
  state.bufferedIndex = 0;
  state[kState] |= W.allBuffers | W.allNoop;
  state[kState] &= ~W.buffered;
}

function Writable(options) {
  const isDuplex = this instanceof Duplex;
  if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
  this._events ??= {
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
  };
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
  }
  Stream.call(this, options);
  if (this._construct) {
    construct(this, () => {
      const state = this._writableState;
      if (!state.writing) clearBuffer(this, state);
      finishMaybe(this, state);
    });
  }
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);
Writable.WritableState = WritableState;

Object.defineProperty(Writable, Symbol.hasInstance, {
  value: function (object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function () {
  errorOrDestroy(this, nodeError('Error', 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'));
};

function _write(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = state.defaultEncoding;
  } else {
    if (!encoding) encoding = state.defaultEncoding;
    else if (encoding !== 'buffer' && !isEncoding(encoding)) throw errors.unknownEncoding(encoding);
    if (typeof cb !== 'function') cb = nop;
  }
  if (chunk === null) {
    throw errors.nullValues();
  } else if (!state.objectMode) {
    if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) {
        chunk = toBuffer(fromString(chunk, encoding));
        encoding = 'buffer';
      }
    } else if (chunk instanceof Uint8Array) {
      chunk = toBuffer(chunk);
      encoding = 'buffer';
    } else {
      throw binding.invalidArgType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk);
    }
  }
  let err;
  if (state.ending) err = errors.writeAfterEnd();
  else if (state.destroyed) err = errors.destroyed('write');
  if (err) {
    process.nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function (chunk, encoding, cb) {
  if (encoding != null && typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  return _write(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function () {
  const state = this._writableState;
  state[kState] |= W.corked;
  state.corked++;
};

Writable.prototype.uncork = function () {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.corked) state[kState] &= ~W.corked;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!isEncoding(encoding)) throw errors.unknownEncoding(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = state.objectMode ? 1 : chunk.length;
  state.length += len;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    if ((state[kState] & W.buffered) === 0) {
      state[kState] |= W.buffered;
      state[kBufferedValue] = [];
    }
    state[kBufferedValue].push({ chunk, encoding, callback });
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && callback !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    // Node 24 keeps no callback for a write without one.
    if (callback !== nop) state.writecb = callback;
    state.writing = true;
    state[kState] |= W.expectWriteCb;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  // Node 24 measures after the write (a synchronous one may have finished).
  const ret = state.length < state.highWaterMark || state.length === 0;
  if (!ret) state.needDrain = true;
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  if (cb !== nop) state.writecb = cb;
  state.writing = true;
  state[kState] |= W.expectWriteCb;
  state.sync = true;
  if (state.destroyed) state.onwrite(errors.destroyed('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

function onwrite(stream, er) {
  const state = stream._writableState;
  if ((state[kState] & W.expectWriteCb) === 0) {
    errorOrDestroy(stream, errors.multipleCallback());
    return;
  }
  const sync = state.sync;
  const cb = (state[kState] & W.writeCb) !== 0 ? state[kWriteCbValue] : nop;
  state.writing = false;
  state[kState] &= ~W.expectWriteCb;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    er.stack; // eslint-disable-line no-unused-expressions
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored) {
      stream._readableState.errored = er;
    }
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
    if (sync) {
      // Node 24: a write without a callback needs a tick only to emit 'drain' (or after a
      // destroy); one with the same callback as the pending tick joins it.
      const needDrain = state.needDrain && state.length === 0;
      // As Node's `(state[kState] & kDestroyed !== 0)`, which tests the objectMode bit.
      const needTick = needDrain || (state[kState] & 1) !== 0 || cb !== nop;
      if (cb === nop) {
        if ((state[kState] & W.afterWritePending) === 0 && needTick) {
          process.nextTick(afterWrite, stream, state, 1, cb);
          state[kState] |= W.afterWritePending;
        } else {
          state.pendingcb--;
          if (state.ending) finishMaybe(stream, state, true);
        }
      } else if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) {
        state.afterWriteTickInfo.count++;
      } else if (needTick) {
        state.afterWriteTickInfo = { count: 1, cb, stream, state };
        process.nextTick(afterWriteTick, state.afterWriteTickInfo);
        state[kState] |= W.afterWritePending;
      } else {
        state.pendingcb--;
        if (state.ending) finishMaybe(stream, state, true);
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  }
}

function afterWriteTick({ stream, state, count, cb }) {
  state.afterWriteTickInfo = null;
  return afterWrite(stream, state, count, cb);
}

function afterWrite(stream, state, count, cb) {
  state[kState] &= ~W.afterWritePending;
  const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  finishMaybe(stream, state);
}

function errorBuffer(state) {
  if (state.writing) return;
  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    const len = state.objectMode ? 1 : chunk.length;
    state.length -= len;
    callback(state.errored ?? errors.destroyed('write'));
  }
  const onfinishCallbacks = takeOnFinished(state);
  for (let i = 0; i < onfinishCallbacks.length; i++) {
    onfinishCallbacks[i](state.errored ?? errors.destroyed('end'));
  }
  resetBuffer(state);
}

function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const { buffered, bufferedIndex, objectMode } = state;
  const bufferedLength = buffered.length - bufferedIndex;
  if (!bufferedLength) return;
  let i = bufferedIndex;
  state.bufferProcessing = true;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    const callback = state.allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
    };
    const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = state.allBuffers;
    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw errors.notImplemented('_write()');
};
Writable.prototype._writev = null;

Writable.prototype.end = function (chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = _write(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // Do nothing...
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = errors.alreadyFinished('end');
  } else if (state.destroyed) {
    err = errors.destroyed('end');
  }
  if (typeof cb === 'function') {
    if (err) process.nextTick(cb, err);
    else if (state.finished) process.nextTick(cb, null);
    else addOnFinished(state, cb);
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) {
      errorOrDestroy(stream, err ?? errors.multipleCallback());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      const onfinishCallbacks = takeOnFinished(state);
      for (let i = 0; i < onfinishCallbacks.length; i++) onfinishCallbacks[i](err);
      errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      state[kState] |= W.finalCalled | W.prefinished;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        process.nextTick((stream, state) => {
          if (needFinish(state)) finish(stream, state);
          else state.pendingcb--;
        }, stream, state);
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  const onfinishCallbacks = takeOnFinished(state);
  for (let i = 0; i < onfinishCallbacks.length; i++) onfinishCallbacks[i](null);
  stream.emit('finish');
  if (state.autoDestroy) {
    const rState = stream._readableState;
    const autoDestroy = !rState ||
      (rState.autoDestroy && (rState.endEmitted || rState.readable === false));
    if (autoDestroy) stream.destroy();
  }
}

defineGetters(Writable.prototype, {
  closed() { return this._writableState ? this._writableState.closed : false; },
  destroyed: {
    get() { return this._writableState ? this._writableState.destroyed : false; },
    set(value) { if (this._writableState) this._writableState.destroyed = value; },
  },
  writable: {
    get() {
      const w = this._writableState;
      return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
    },
    set(val) { if (this._writableState) this._writableState.writable = !!val; },
  },
  writableFinished() { return this._writableState ? this._writableState.finished : false; },
  writableObjectMode() { return this._writableState ? this._writableState.objectMode : false; },
  writableBuffer() { return this._writableState && this._writableState.getBuffer(); },
  writableEnded() { return this._writableState ? this._writableState.ending : false; },
  writableNeedDrain() {
    const wState = this._writableState;
    if (!wState) return false;
    return !wState.destroyed && !wState.ending && wState.needDrain;
  },
  writableHighWaterMark() { return this._writableState && this._writableState.highWaterMark; },
  writableCorked() { return this._writableState ? this._writableState.corked : 0; },
  writableLength() { return this._writableState && this._writableState.length; },
  errored() { return this._writableState ? this._writableState.errored : null; },
  writableAborted() {
    const w = this._writableState;
    return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
  },
});

Writable.prototype.destroy = function (err, cb) {
  const state = this._writableState;
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || (state[kState] & W.onFinished) !== 0)) {
    process.nextTick(errorBuffer, state);
  }
  destroy.call(this, err, cb);
  return this;
};
Writable.prototype._undestroy = undestroy;
Writable.prototype._destroy = function (err, cb) { cb(err); };
Writable.prototype[EE.captureRejectionSymbol] = function (err) { this.destroy(err); };
// `await using w = new Writable(...)`: destroys an unfinished stream with an AbortError and
// waits for it to close (an AbortError is not a failure of the disposal).
Writable.prototype[Symbol.asyncDispose] = async function () {
  if (!this.destroyed) {
    const { AbortError } = require('internal/abort_controller');
    this.destroy(this.writableFinished ? null : new AbortError());
  }
  await new Promise((resolve, reject) => eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null))));
};

// ---- Duplex, Transform, PassThrough ---------------------------------------------------------

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  // Node 24's order: the preset events, both states, then the options.
  this._events ??= {
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };
  this._readableState = new ReadableState(options, this, true);
  const w = new WritableState(options, this, true);
  this._writableState = w;
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      w.writable = false;
      w.ending = true;
      w.ended = true;
      w.finished = true;
    }
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
  } else {
    this.allowHalfOpen = true;
  }
  Stream.call(this, options);
  if (this._construct) {
    construct(this, () => {
      const r = this._readableState;
      if (r.needReadable) maybeReadMore(this, r);
      const ws = this._writableState;
      if (!ws.writing) clearBuffer(this, ws);
      finishMaybe(this, ws);
    });
  }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

for (const method of Object.keys(Writable.prototype)) {
  if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
}
for (const method of ['write', 'cork', 'uncork', 'setDefaultEncoding', 'end', '_write']) {
  Object.defineProperty(Duplex.prototype, method, {
    value: Writable.prototype[method], writable: true, configurable: true, enumerable: false,
  });
}
Duplex.prototype._writev = null;
for (const name of ['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer',
  'writableLength', 'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain']) {
  Object.defineProperty(Duplex.prototype, name,
    Object.getOwnPropertyDescriptor(Writable.prototype, name));
}
Object.defineProperty(Duplex.prototype, 'destroyed', {
  get() {
    if (this._readableState === undefined || this._writableState === undefined) return false;
    return this._readableState.destroyed && this._writableState.destroyed;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
  configurable: true,
});
Duplex.prototype.destroy = Writable.prototype.destroy;

const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  const readableHighWaterMark = options ? getHighWaterMark(options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }
  Duplex.call(this, options);
  this._readableState.sync = false;
  this[kCallback] = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', transformPrefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

function transformFinal(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function transformPrefinish() {
  if (this._final !== transformFinal) transformFinal.call(this);
}
// Node's listener is named `prefinish` (it shows in `console.log(transform)`).
Object.defineProperty(transformPrefinish, 'name', { value: 'prefinish' });

Transform.prototype._final = transformFinal;

Transform.prototype._transform = function (chunk, encoding, callback) {
  throw errors.notImplemented('_transform()');
};

Transform.prototype._write = function (chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;
  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) this.push(val);
    if (rState.ended) {
      process.nextTick(callback);
    } else if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) {
      callback();
    } else {
      this[kCallback] = callback;
    }
  });
};

Transform.prototype._read = function () {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);
PassThrough.prototype._transform = function (chunk, encoding, cb) {
  cb(null, chunk);
};

// ---- finished (lib/internal/streams/end-of-stream.js, condensed) ----------------------------

function isReadableNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}
function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}
function isNodeStream(obj) {
  return obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function'));
}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  }
  if (typeof callback !== 'function') {
    throw binding.invalidArgType('callback', 'of type function', callback);
  }
  let called = false;
  const userCb = callback;
  callback = function (...args) {
    if (called) return;
    called = true;
    userCb.apply(stream, args);
  };
  const readable = options.readable ?? isReadableNodeStream(stream);
  const writable = options.writable ?? isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };
  let willEmitClose = (wState && wState.autoDestroy && wState.emitClose && wState.closed === false) ||
    (rState && rState.autoDestroy && rState.emitClose && rState.closed === false);
  let writableFinished = !!(wState && wState.finished);
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  };
  let readableFinished = !!(rState && rState.endEmitted);
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  };
  const onerror = (err) => {
    callback.call(stream, err);
  };
  let closed = !!((wState && wState.closed) || (rState && rState.closed));
  const onclose = () => {
    closed = true;
    const errored = (wState && wState.errored) || (rState && rState.errored);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    if (readable && !readableFinished && isReadableNodeStream(stream)) {
      if (!(rState && rState.endEmitted)) return callback.call(stream, errors.prematureClose());
    }
    if (writable && !writableFinished) {
      if (!(wState && wState.finished)) return callback.call(stream, errors.prematureClose());
    }
    callback.call(stream);
  };
  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);
  if (!wState && !rState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }
  if (closed) {
    process.nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!willEmitClose) process.nextTick(onclose);
  } else if (!readable && (!willEmitClose || stream.readable) && writableFinished) {
    process.nextTick(onclose);
  } else if (!writable && (!willEmitClose || stream.writable) && readableFinished) {
    process.nextTick(onclose);
  } else if (rState && stream.req && stream.aborted) {
    process.nextTick(onclose);
  }
  const cleanup = () => {
    callback = nop;
    stream.removeListener('end', onend);
    stream.removeListener('finish', onfinish);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
  };
  return cleanup;
}

function finishedPromise(stream, opts) {
  return new Promise((resolve, reject) => {
    eos(stream, opts, (err) => {
      if (err) reject(err);
      else resolve();
    });
  });
}

// ---- pipeline (lib/internal/streams/pipeline.js, condensed) ---------------------------------

function isIterable(obj) {
  return obj != null && (typeof obj[Symbol.asyncIterator] === 'function' ||
    typeof obj[Symbol.iterator] === 'function');
}

// One of the pipeline's streams: destroyed with the pipeline's error (or
// ERR_STREAM_DESTROYED) unless it already finished cleanly or closed.
function pipelineDestroyer(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => {
    finished = true;
  });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
  });
  return {
    destroy: (err) => {
      if (finished) return;
      finished = true;
      destroyer(stream, err || errors.destroyed('pipe'));
    },
    cleanup,
  };
}

// lib/internal/streams/pipeline.js pipelineImpl: each stage is a stream, an iterable or a
// function of the previous stage's async iterable; the callback runs once every pump and
// pipe finished, or with the first error (a premature close or an abort gives way to a
// real error), after every stream was destroyed.
function pipeline(...streams) {
  const cb = streams.pop();
  if (typeof cb !== 'function') {
    throw binding.invalidArgType('streams[stream.length - 1]', 'of type function', cb);
  }
  let called = false;
  const callback = (...args) => {
    if (called) return;
    called = true;
    cb(...args);
  };
  return pipelineImpl(streams, callback);
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) {
    throw nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "streams" argument must be specified');
  }
  const { AbortController, AbortError, validateAbortSignal } = require('internal/abort_controller');
  const ac = new AbortController();
  const signal = ac.signal;
  const outerSignal = opts?.signal;
  const lastStreamCleanup = [];
  validateAbortSignal(outerSignal, 'options.signal');
  function abort() {
    finishImpl(new AbortError(undefined, { cause: outerSignal?.reason }));
  }
  let disposable;
  if (outerSignal) disposable = require('events').addAbortListener(outerSignal, abort);

  let error;
  let value;
  const destroys = [];
  let finishCount = 0;
  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }
  function finishOnlyHandleError(err) {
    finishImpl(err, false);
  }
  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE' || error.name === 'AbortError')) {
      error = err;
    }
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    disposable?.[Symbol.dispose]();
    ac.abort();
    if (final) {
      if (!error) lastStreamCleanup.forEach((fn) => fn());
      process.nextTick(callback, error, value);
    }
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const next = i + 1 < streams.length ? streams[i + 1] : null;
    const end = reading || opts?.end !== false;
    const isLastStream = i === streams.length - 1;

    if (isNodeStream(stream)) {
      if (next !== null && (next?.closed || next?.destroyed)) {
        throw nodeError('Error', 'ERR_STREAM_UNABLE_TO_PIPE', 'Cannot pipe to a closed or destroyed stream');
      }
      if (end) {
        const { destroy, cleanup } = pipelineDestroyer(stream, reading, writing);
        destroys.push(destroy);
        if (isReadableNodeStream(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }
      // Errors a stream emits after its part is done end the pipeline, not the process.
      const onError = (err) => {
        if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
          finishOnlyHandleError(err);
        }
      };
      stream.on('error', onError);
      if (isReadableNodeStream(stream) && isLastStream) {
        lastStreamCleanup.push(() => stream.removeListener('error', onError));
      }
    }

    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!isIterable(ret)) {
          throw nodeError('TypeError', 'ERR_INVALID_RETURN_VALUE',
            `Expected Iterable, AsyncIterable or Stream to be returned from the "source" function.`);
        }
      } else if (isIterable(stream) || isReadableNodeStream(stream)) {
        ret = stream;
      } else {
        ret = Readable.from(stream);
      }
    } else if (typeof stream === 'function') {
      if (isReadableNodeStream(ret)) ret = streamToAsyncIterator(ret);
      ret = stream(ret, { signal });
      if (reading) {
        if (!isIterable(ret)) {
          throw nodeError('TypeError', 'ERR_INVALID_RETURN_VALUE',
            `Expected AsyncIterable to be returned from the "transform[${i - 1}]" function.`);
        }
      } else {
        // The last stage: a function returning a promise (its value is the result) or an
        // iterable, read into a PassThrough.
        const pt = new PassThrough({ objectMode: true });
        const then = ret?.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(ret, (val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            process.nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            process.nextTick(finish, err);
          });
        } else if (isIterable(ret)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else {
          throw nodeError('TypeError', 'ERR_INVALID_RETURN_VALUE',
            'Expected AsyncIterable or Promise to be returned from the "destination" function.');
        }
        ret = pt;
        const { destroy, cleanup } = pipelineDestroyer(ret, false, true);
        destroys.push(destroy);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipe(ret, stream, finish, finishOnlyHandleError, { end });
        if (isReadableNodeStream(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw binding.invalidArgType('val', 'an instance of Readable, Iterable, AsyncIterable, ReadableStream, or TransformStream', ret);
      }
      ret = stream;
    } else {
      ret = Readable.from(stream);
    }
  }
  if (signal?.aborted || outerSignal?.aborted) process.nextTick(abort);
  return ret;
}

function pipe(src, dst, finish, finishOnlyHandleError, { end }) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) finishOnlyHandleError(errors.prematureClose());
  });
  src.pipe(dst, { end: false });
  if (end) {
    function endFn() {
      ended = true;
      dst.end();
    }
    if (src._readableState && src._readableState.endEmitted) process.nextTick(endFn);
    else src.once('end', endFn);
  } else {
    finish();
  }
  eos(src, { readable: true, writable: false }, (err) => {
    const rState = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && rState && rState.ended &&
        !rState.errored && !rState.errorEmitted) {
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  });
  return eos(dst, { readable: false, writable: true }, finish);
}

async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;
  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const callback = onresolve;
      onresolve = null;
      callback();
    }
  };
  const wait = () => new Promise((resolve, reject) => {
    if (error) {
      reject(error);
    } else {
      onresolve = () => {
        if (error) reject(error);
        else resolve();
      };
    }
  });
  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);
  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    finish();
  } catch (err) {
    finish(error !== err ? aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    let opts;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !isNodeStream(last) && !isIterable(last)) {
      opts = streams.pop();
    }
    pipelineImpl(streams, (err, value) => {
      if (err) reject(err);
      else resolve(value);
    }, opts);
  });
}

// ---- Duplex.from (lib/internal/streams/duplexify.js) ------------------------------------------
// A Duplex from whatever can act as one: a stream (wrapped), an async generator function
// (its argument is the writable side as an async iterable, its yields the readable side), an
// async function (writable only), an iterable or a promise (readable only), or a
// { readable, writable } pair.

class Duplexify extends Duplex {
  constructor(options) {
    super(options);
    if (options?.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options?.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  }
}

function isDuplexNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && obj._readableState &&
    typeof obj.on === 'function' && typeof obj.write === 'function');
}
function streamIsReadable(stream) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return false;
  const r = stream._readableState;
  return isReadableNodeStream(stream) && stream.readable !== false && !(r && r.endEmitted);
}
function streamIsWritable(stream) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return false;
  const w = stream._writableState;
  return isWritableNodeStream(stream) && stream.writable !== false && !(w && w.ending);
}

function duplexify(body, name) {
  if (isDuplexNodeStream(body)) return body;
  if (isReadableNodeStream(body)) return _duplexify({ __proto__: null, readable: body });
  if (isWritableNodeStream(body)) return _duplexify({ __proto__: null, writable: body });
  if (isNodeStream(body)) return _duplexify({ __proto__: null, writable: false, readable: false });
  if (typeof body === 'function') {
    const { value, write, final, destroy } = fromAsyncGen(body);
    if (isDuplexNodeStream(value)) return value;
    if (isIterable(value)) {
      return from(Duplexify, value, { objectMode: true, write, final, destroy });
    }
    const then = value?.then;
    if (typeof then === 'function') {
      let d;
      let finalized = false;
      const promise = then.call(value, (val) => {
        if (val != null) {
          throw nodeError('TypeError', 'ERR_INVALID_RETURN_VALUE',
            `Expected nully to be returned from the "body" function but got ${require('internal/errors').determineSpecificType(val)}.`);
        }
        if (!finalized) destroyer(d);
      }, (err) => {
        destroyer(d, err);
      });
      return d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          finalized = true;
          final(async () => {
            try {
              await promise;
              process.nextTick(cb, null);
            } catch (err) {
              process.nextTick(cb, err);
            }
          });
        },
        destroy,
      });
    }
    throw nodeError('TypeError', 'ERR_INVALID_RETURN_VALUE',
      `Expected Iterable, AsyncIterable or AsyncFunction to be returned from the "${name}" function but got ${require('internal/errors').determineSpecificType(value)}.`);
  }
  if (isIterable(body)) return from(Duplexify, body, { objectMode: true, writable: false });
  if (typeof body?.writable === 'object' || typeof body?.readable === 'object') {
    const readable = body?.readable
      ? (isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable))
      : undefined;
    const writable = body?.writable
      ? (isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable))
      : undefined;
    return _duplexify({ __proto__: null, readable, writable });
  }
  const then = body?.then;
  if (typeof then === 'function') {
    let d;
    then.call(body, (val) => {
      if (val != null) d.push(val);
      d.push(null);
    }, (err) => {
      destroyer(d, err);
    });
    return d = new Duplexify({ objectMode: true, writable: false, read() {} });
  }
  throw binding.invalidArgType(name,
    'of type function or an instance of Blob, ReadableStream, WritableStream, Stream, Iterable, AsyncIterable, or Promise or { readable, writable } pair',
    body);
}

function fromAsyncGen(fn) {
  const { AbortController, AbortError } = require('internal/abort_controller');
  let { promise, resolve } = Promise.withResolvers();
  const ac = new AbortController();
  const signal = ac.signal;
  const value = fn(async function* () {
    while (true) {
      const pending = promise;
      promise = null;
      const { chunk, done, cb } = await pending;
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
      ({ promise, resolve } = Promise.withResolvers());
      yield chunk;
    }
  }(), { signal });
  return {
    value,
    write(chunk, encoding, cb) {
      const r = resolve;
      resolve = null;
      r({ __proto__: null, chunk, done: false, cb });
    },
    final(cb) {
      const r = resolve;
      resolve = null;
      r({ __proto__: null, done: true, cb });
    },
    destroy(err, cb) {
      ac.abort(err);
      if (resolve !== null) {
        const r = resolve;
        resolve = null;
        r({ __proto__: null, done: true, cb() {} });
      }
      cb(err);
    },
  };
}

function _duplexify(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function'
    ? Readable.wrap(pair.readable) : pair.readable;
  const w = pair.writable;
  let readable = !!streamIsReadable(r);
  let writable = !!streamIsWritable(w);
  let ondrain;
  let onfinish;
  let onreadable;
  let onclose;
  let d;
  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
  }
  d = new Duplexify({
    readableObjectMode: !!r?.readableObjectMode,
    writableObjectMode: !!w?.writableObjectMode,
    readable,
    writable,
  });
  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });
    d._write = function (chunk, encoding, callback) {
      if (w.write(chunk, encoding)) callback();
      else ondrain = callback;
    };
    d._final = function (callback) {
      w.end();
      onfinish = callback;
    };
    w.on('drain', function () {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });
    w.on('finish', function () {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }
  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyer(w, err);
      onfinished(err);
    });
    r.on('readable', function () {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });
    r.on('end', function () {
      d.push(null);
    });
    d._read = function () {
      while (true) {
        const buf = r.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }
  d._destroy = function (err, callback) {
    if (!err && onclose !== null) {
      const { AbortError } = require('internal/abort_controller');
      err = new AbortError();
    }
    onreadable = null;
    ondrain = null;
    onfinish = null;
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      destroyer(w, err);
      destroyer(r, err);
    }
  };
  return d;
}

Duplex.from = function (body) {
  return duplexify(body, 'body');
};

// ---- stream.compose (lib/internal/streams/compose.js) -------------------------------------
// One Duplex for a whole pipeline: writes go to the first stream, reads come from the last;
// functions at either end become Duplex.from streams.

function compose(...streams) {
  if (streams.length === 0) {
    throw nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "streams" argument must be specified');
  }
  if (streams.length === 1) return Duplex.from(streams[0]);
  const orgStreams = streams.slice();
  if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
  if (typeof streams[streams.length - 1] === 'function') {
    const idx = streams.length - 1;
    streams[idx] = Duplex.from(streams[idx]);
  }
  for (let n = 0; n < streams.length; ++n) {
    if (!isNodeStream(streams[n])) continue;
    const bad = (reason) => nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
      `The argument 'streams[${n}]' ${reason}. Received ${binding.inspect(orgStreams[n])}`);
    if (n < streams.length - 1 && !streamIsReadable(streams[n])) throw bad('must be readable');
    if (n > 0 && !streamIsWritable(streams[n])) throw bad('must be writable');
  }
  let ondrain;
  let onfinish;
  let onclose;
  let d;
  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }
  const head = streams[0];
  const tail = pipeline(streams, onfinished);
  const writable = !!streamIsWritable(head);
  const readable = !!streamIsReadable(tail);
  d = new Duplex({
    writableObjectMode: !!head?.writableObjectMode,
    readableObjectMode: !!tail?.readableObjectMode,
    writable,
    readable,
  });
  if (writable) {
    d._write = function (chunk, encoding, callback) {
      if (head.write(chunk, encoding)) callback();
      else ondrain = callback;
    };
    d._final = function (callback) {
      head.end();
      onfinish = callback;
    };
    head.on('drain', function () {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });
    eos(tail, () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }
  if (readable) {
    d._read = function () {
      tail.resume();
    };
    tail.on('data', function (chunk) {
      if (!d.push(chunk)) tail.pause();
    });
    tail.on('end', function () {
      d.push(null);
    });
  }
  d._destroy = function (err, callback) {
    if (!err && onclose !== null) {
      const { AbortError } = require('internal/abort_controller');
      err = new AbortError();
    }
    ondrain = null;
    onfinish = null;
    destroyer(tail, err);
    if (onclose === null) callback(err);
    else onclose = callback;
  };
  return d;
}

Object.defineProperty(Readable.prototype, 'compose', {
  value: function compose(stream, options) {
    if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
      throw binding.invalidArgType('options', 'of type object', options);
    }
    if (options?.signal != null) {
      require('internal/abort_controller').validateAbortSignal(options.signal, 'options.signal');
    }
    const composed = composeStreams(this, stream);
    if (options?.signal) Stream.addAbortSignal(options.signal, composed);
    return composed;
  },
  writable: true,
  configurable: true,
  enumerable: false,
});
const composeStreams = compose;

// ---- duplexPair (lib/internal/streams/duplexpair.js) ---------------------------------------
// Two Duplex streams joined back to back: what one side writes, the other reads; a write's
// callback waits until the other side's reader asks for more.

const kPairCallback = Symbol('Callback');
const kOtherSide = Symbol('OtherSide');

class DuplexSide extends Duplex {
  constructor(options) {
    super(options);
    this[kPairCallback] = null;
    Object.defineProperty(this, kOtherSide, { value: null, writable: true });
  }
  _read() {
    const callback = this[kPairCallback];
    if (callback) {
      this[kPairCallback] = null;
      callback();
    }
  }
  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this[kOtherSide].push(chunk);
      this[kOtherSide][kPairCallback] = callback;
    }
  }
  _final(callback) {
    this[kOtherSide].on('end', callback);
    this[kOtherSide].push(null);
  }
  _destroy(err, callback) {
    const otherSide = this[kOtherSide];
    if (otherSide !== null && !otherSide.destroyed) {
      process.nextTick(() => {
        if (otherSide.destroyed) return;
        if (err) otherSide.destroy();
        else otherSide.push(null);
      });
    }
    callback(err);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kOtherSide] = side1;
  side1[kOtherSide] = side0;
  return [side0, side1];
}

// ---- exports ------------------------------------------------------------------------------

const promises = { finished: finishedPromise, pipeline: pipelinePromise };

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
// The operators (lib/stream.js installs them the same way): non-enumerable methods named
// and sized after the operator; the stream-returning ones wrap their async generator in
// Readable.from.
{
  const { streamReturningOperators, promiseReturningOperators } =
    require('internal/streams/operators');
  const install = (ops, wrap) => {
    for (const key of Object.keys(ops)) {
      const op = ops[key];
      const fn = function (...args) {
        if (new.target) throw nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
        return wrap(Reflect.apply(op, this, args));
      };
      Object.defineProperty(fn, 'name', { value: op.name });
      Object.defineProperty(fn, 'length', { value: op.length });
      Object.defineProperty(Readable.prototype, key, {
        value: fn, enumerable: false, configurable: true, writable: true,
      });
    }
  };
  install(streamReturningOperators, (it) => Readable.from(it));
  install(promiseReturningOperators, (p) => p);
}
Stream.pipeline = pipeline;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.isDisturbed = isDisturbed;
Readable._fromList = fromList;
Stream.isErrored = (s) => !!((s._readableState && s._readableState.errored) ||
  (s._writableState && s._writableState.errored));
Stream.isReadable = (s) => !!(s && s.readable && !isDestroyed(s));
Stream.isWritable = (s) => !!(s && s.writable && !isDestroyed(s));
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = function () {};
Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return promises; },
});
Object.defineProperty(pipeline, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return promises.pipeline; },
});
Object.defineProperty(eos, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return promises.finished; },
});
Stream.isDestroyed = (s) => isNodeStream(s) ? isDestroyed(s) : null;
Stream.addAbortSignal = function addAbortSignal(signal, stream) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw require('internal/errors').invalidArgType('signal', 'AbortSignal', signal);
  }
  if (!isNodeStream(stream)) {
    throw require('internal/errors').invalidArgType('stream',
      ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  const { AbortError } = require('internal/abort_controller');
  const onAbort = () => stream.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    eos(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
};
// Web stream adapters (lib/internal/webstreams/adapters.js), loaded on first use.
let webStreamsAdapters;
function lazyWebStreams() {
  if (webStreamsAdapters === undefined) {
    webStreamsAdapters = require('internal/webstreams/adapters');
  }
  return webStreamsAdapters;
}
Readable.fromWeb = function(readableStream, options) {
  return lazyWebStreams().newStreamReadableFromReadableStream(readableStream, options);
};
Readable.toWeb = function(streamReadable, options) {
  return lazyWebStreams().newReadableStreamFromStreamReadable(streamReadable, options);
};
Writable.fromWeb = function(writableStream, options) {
  return lazyWebStreams().newStreamWritableFromWritableStream(writableStream, options);
};
Writable.toWeb = function(streamWritable) {
  return lazyWebStreams().newWritableStreamFromStreamWritable(streamWritable);
};
Duplex.fromWeb = function(pair, options) {
  return lazyWebStreams().newStreamDuplexFromReadableWritablePair(pair, options);
};
Duplex.toWeb = function(duplex, options) {
  return lazyWebStreams().newReadableWritablePairFromDuplex(duplex, options);
};
Stream.duplexPair = duplexPair;
Stream.compose = compose;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = toBuffer;
// For jsgen's other core modules (fs, readline, process.stdin).
Object.defineProperty(Stream, '_jsgen', {
  value: { StringDecoder, toBuffer, fromString, errorOrDestroy, eos, destroyer, kDestroy },
});

// process.stdout and process.stderr become Writables: their native `write` (the console's
// output path, `--max-output`) stays, under the stream state and events.
// Their class is named as Node's for the kind of descriptor: tty.WriteStream, net.Socket for
// a pipe, SyncWriteStream for a file (only the name: each is a plain Writable here).
const kStdioClassNames = { tty: 'WriteStream', pipe: 'Socket', fs: 'SyncWriteStream' };
const stdioClasses = { __proto__: null };
function stdioClass(kind) {
  const name = kStdioClassNames[kind] || 'Socket';
  if (stdioClasses[name] === undefined) {
    const C = { [name]: function (options) { Writable.call(this, options); } }[name];
    Object.setPrototypeOf(C.prototype, Writable.prototype);
    Object.setPrototypeOf(C, Writable);
    stdioClasses[name] = C;
  }
  return stdioClasses[name];
}

function adoptStdio(obj) {
  if (!obj || Object.prototype.hasOwnProperty.call(obj, '_writableState')) return;
  const nativeWrite = obj.write;
  const kind = binding.stdioKind(obj.fd);
  Object.setPrototypeOf(obj, stdioClass(kind).prototype);
  EE.call(obj);
  obj._writableState = new WritableState({}, obj, false);
  obj._type = kind;
  obj._isStdio = true;
  obj._write = function (chunk, encoding, cb) {
    nativeWrite.call(this, chunk);
    cb();
  };
  // Node's `dummyDestroy`: the descriptor is never closed and the stream stays usable.
  obj._destroy = function (err, cb) {
    cb(err);
    this._undestroy();
    if (!this._writableState.emitClose) process.nextTick(() => this.emit('close'));
  };
  // Ending process.stdout (`pipeline(source, process.stdout)` ends its last stream) shuts
  // down the write side of a pipe or terminal in Node: later output to it is lost. A file
  // (Node's SyncWriteStream) takes writes again.
  if (obj === process.stdout) {
    obj._final = function (cb) {
      binding.shutdownStdout();
      cb();
    };
  }
}
adoptStdio(process.stdout);
adoptStdio(process.stderr);

module.exports = Stream;
// crypto's Hash and Hmac become streams once node:stream exists (see crypto.js).
if (binding.coreLoaded('crypto')) require('crypto')._jsgen.linkStreams(Stream.Transform);
