// node:internal/webstreams — the WHATWG Streams globals as Node 24 has them (ReadableStream,
// WritableStream, TransformStream, their readers/writers/controllers, the queuing strategies,
// TextEncoderStream and TextDecoderStream), written from the Streams Standard
// (https://streams.spec.whatwg.org): each abstract operation below is named after the spec's
// and follows its steps, so promise jobs run in the spec's (and Node's) order. Where Node's
// implementation departs from the spec observably (an underlying source's returned promise is
// used as is, the tee's close steps run in a process.nextTick, pipeTo's loop is an async
// function, error messages and codes) this module does what Node does.
// Byte streams (`type: 'bytes'`, BYOB readers) are not implemented: they throw a TypeError
// saying so (DESIGN.md, "Web streams").
'use strict';

const { nodeError, invalidArgType } = require('internal/errors');
const { DOMException } = require('internal/per_context/domexception');

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kState = Symbol('kState');
const kChunk = Symbol('kChunk');
const kClose = Symbol('kClose');
const kError = Symbol('kError');
const kCloseSentinel = Symbol('kCloseSentinel');
const kSkipThrow = Symbol('kSkipThrow');
// What a pull/write algorithm returns when it will report completion itself, by calling the
// controller's pullFulfilled/writeFulfilled (or ...Rejected) at the job where Node's does.
const kParked = Symbol('kParked');

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf((async function* () {}).prototype));

// ---- Errors, as Node words them

function invalidState(msg) {
  return nodeError('TypeError', 'ERR_INVALID_STATE', `Invalid state: ${msg}`);
}
function invalidStateRange(msg) {
  return nodeError('RangeError', 'ERR_INVALID_STATE', `Invalid state: ${msg}`);
}
function invalidThis(type) {
  return nodeError('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}
function invalidArgValue(name, value, ctor = 'TypeError') {
  const type = name.includes('.') ? 'property' : 'argument';
  return nodeError(ctor, 'ERR_INVALID_ARG_VALUE',
    `The ${type} '${name}' is invalid. Received ${binding.inspect(value)}`);
}
function illegalConstructor() {
  return nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}
function byteStreamsUnsupported() {
  return new TypeError(
    "jsgen does not implement byte streams yet (ReadableStream type 'bytes', BYOB readers)");
}

function brand(value, name) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') &&
    value[kState] !== undefined && value[kState].brand === name;
}
const isReadableStream = (v) => brand(v, 'ReadableStream');
const isWritableStream = (v) => brand(v, 'WritableStream');
const isTransformStream = (v) => brand(v, 'TransformStream');

// ---- Promise helpers ("a new promise", "upon fulfillment", "mark as handled")

// A promise with its resolving functions, and whether it is still pending. Methods on a
// prototype rather than closures: streams make one per read and write.
class Deferred {
  constructor() {
    const { promise, resolve, reject } = Promise.withResolvers();
    this.promise = promise;
    this.pending = true;
    this.settle = resolve;
    this.fail = reject;
  }

  resolve(v) {
    this.pending = false;
    this.settle(v);
  }

  reject(e) {
    this.pending = false;
    this.fail(e);
  }
}
function newPromise() {
  return new Deferred();
}
function resolvedDeferred(v) {
  const d = newPromise();
  d.resolve(v);
  return d;
}
function rejectedDeferred(e) {
  const d = newPromise();
  d.reject(e);
  setPromiseHandled(d.promise);
  return d;
}
function setPromiseHandled(promise) {
  promise.then(undefined, () => {});
}
function isPromise(v) {
  return v instanceof Promise;
}
// Reacts to an algorithm's result: a non-object settles a job later, a thenable is adopted.
function thenAlgorithmResult(result, onFulfilled, onRejected) {
  if (result === kParked) return;
  if (result === null || (typeof result !== 'object' && typeof result !== 'function')) {
    Promise.resolve().then(onFulfilled);
  } else {
    Promise.resolve(result).then(onFulfilled, onRejected);
  }
}

// Calls an underlying source/sink/transformer method: its promise as is, a value wrapped, a
// throw as a rejection (Node's ensureIsPromise).
function promiseCall(fn, thisArg, ...args) {
  try {
    const value = fn.call(thisArg, ...args);
    return isPromise(value) ? value : Promise.resolve(value);
  } catch (error) {
    return Promise.reject(error);
  }
}

// ---- Queue-with-sizes

function resetQueue(c) {
  c.queue = [];
  c.queueTotalSize = 0;
}
function dequeueValue(c) {
  const { value, size } = c.queue.shift();
  c.queueTotalSize = Math.max(0, c.queueTotalSize - size);
  return value;
}
function peekQueueValue(c) {
  return c.queue[0].value;
}
function enqueueValueWithSize(c, value, size) {
  size = +size;
  if (typeof size !== 'number' || size < 0 || Number.isNaN(size) || size === Infinity) {
    throw invalidArgValue('size', size, 'RangeError');
  }
  c.queue.push({ value, size });
  c.queueTotalSize += size;
}

function extractHighWaterMark(value, defaultHWM) {
  if (value === undefined) return defaultHWM;
  value = +value;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw invalidArgValue('strategy.highWaterMark', value, 'RangeError');
  }
  return value;
}
function extractSizeAlgorithm(size) {
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw invalidArgType('strategy.size', 'of type function', size);
  return size;
}
// An underlying source/sink/transformer method: absent when falsy (as Node reads them); a
// start that is no function fails as Node's bind does; any other must be a function.
function methodOf(obj, name, label) {
  const m = obj == null ? undefined : obj[name];
  if (!m) return undefined;
  if (typeof m !== 'function') {
    if (name === 'start') throw new TypeError('Bind must be called on a function');
    throw invalidArgType(`${label}.${name}`, 'of type function', m);
  }
  return m;
}

function customInspect(self, depth, options, name, data) {
  // Node's helper returns its own (unbound) `this` here: util.inspect shows `undefined`.
  if (depth < 0) return undefined;
  const opts = Object.assign({}, options, {
    depth: options.depth == null ? null : options.depth - 1,
  });
  return `${name} ${binding.inspect(data, opts)}`;
}

function defineWebIDL(ctor, tag, members) {
  const descs = {};
  for (const m of members) descs[m] = { enumerable: true };
  Object.defineProperties(ctor.prototype, descs);
  Object.defineProperty(ctor.prototype, Symbol.toStringTag, {
    value: tag, writable: false, enumerable: false, configurable: true,
  });
}

// =====================================================================================
// ReadableStream

class ReadableStream {
  constructor(underlyingSource = undefined, strategy = undefined) {
    if (underlyingSource !== undefined && (underlyingSource === null ||
        (typeof underlyingSource !== 'object' && typeof underlyingSource !== 'function'))) {
      throw invalidArgType('source', 'of type object', underlyingSource);
    }
    if (strategy != null && typeof strategy !== 'object' && typeof strategy !== 'function') {
      throw invalidArgType('strategy', 'of type object', strategy);
    }
    initializeReadableStream(this);
    const type = underlyingSource?.type;
    if (type !== undefined) {
      if (`${type}` === 'bytes') throw byteStreamsUnsupported();
      throw invalidArgValue('source.type', type);
    }
    const size = strategy?.size;
    const highWaterMark = strategy?.highWaterMark;
    const sizeAlgorithm = extractSizeAlgorithm(size);
    setUpReadableStreamDefaultControllerFromUnderlyingSource(
      this, underlyingSource, extractHighWaterMark(highWaterMark, 1), sizeAlgorithm);
  }

  get locked() {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    return isReadableStreamLocked(this);
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return Promise.reject(invalidThis('ReadableStream'));
    if (isReadableStreamLocked(this)) {
      return Promise.reject(invalidState('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      throw invalidArgType('options', 'of type object', options);
    }
    const mode = options?.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw invalidArgValue('options.mode', mode);
    throw byteStreamsUnsupported();
  }

  pipeThrough(transform, options = undefined) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    const readable = transform?.readable;
    if (!isReadableStream(readable)) {
      throw invalidArgType('transform.readable', 'an instance of ReadableStream', readable);
    }
    const writable = transform?.writable;
    if (!isWritableStream(writable)) {
      throw invalidArgType('transform.writable', 'an instance of WritableStream', writable);
    }
    const { preventClose, preventAbort, preventCancel, signal } = pipeOptions(options);
    if (isReadableStreamLocked(this)) throw invalidState('The ReadableStream is locked');
    if (isWritableStreamLocked(writable)) throw invalidState('The WritableStream is locked');
    const promise = readableStreamPipeTo(
      this, writable, preventClose, preventAbort, preventCancel, signal);
    setPromiseHandled(promise);
    return readable;
  }

  pipeTo(destination, options = undefined) {
    try {
      if (!isReadableStream(this)) throw invalidThis('ReadableStream');
      if (!isWritableStream(destination)) {
        throw invalidArgType('transform.writable', 'an instance of WritableStream', destination);
      }
      const { preventClose, preventAbort, preventCancel, signal } = pipeOptions(options);
      if (isReadableStreamLocked(this)) throw invalidState('The ReadableStream is locked');
      if (isWritableStreamLocked(destination)) {
        throw invalidState('The WritableStream is locked');
      }
      return readableStreamPipeTo(
        this, destination, preventClose, preventAbort, preventCancel, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  tee() {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    return readableStreamDefaultTee(this, false);
  }

  values(options = undefined) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      throw invalidArgType('options', 'of type object', options);
    }
    const preventCancel = !!options?.preventCancel;
    return createReadableStreamAsyncIterator(this, preventCancel);
  }

  [inspectCustom](depth, options) {
    const s = this[kState];
    return customInspect(this, depth, options, 'ReadableStream', {
      locked: this.locked,
      state: s.state,
      // Streams that Node makes byte streams (fetch bodies) say so, though they are default
      // streams here.
      supportsBYOB: s.bytes === true,
    });
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }
}
defineWebIDL(ReadableStream, 'ReadableStream',
  ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']);
Object.defineProperty(ReadableStream, 'from', { enumerable: true });
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, enumerable: false, configurable: true,
});

function pipeOptions(options) {
  if (options != null && typeof options !== 'object' && typeof options !== 'function') {
    throw invalidArgType('options', 'of type object', options);
  }
  const preventAbort = !!options?.preventAbort;
  const preventCancel = !!options?.preventCancel;
  const preventClose = !!options?.preventClose;
  const signal = options?.signal;
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType('options.signal', 'an instance of AbortSignal', signal);
  }
  return { preventAbort, preventCancel, preventClose, signal };
}

function initializeReadableStream(stream) {
  stream[kState] = {
    brand: 'ReadableStream',
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
  };
}

// CreateReadableStream
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm,
  highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(ReadableStream.prototype);
  initializeReadableStream(stream);
  const controller = new ReadableStreamDefaultController(kSkipThrow);
  setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
    cancelAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function readableStreamCancel(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return Promise.reject(s.storedError);
  readableStreamClose(stream);
  const sourceCancelPromise = s.controller[kState].cancelSteps(reason);
  return sourceCancelPromise.then(() => {});
}

function readableStreamClose(stream) {
  const s = stream[kState];
  s.state = 'closed';
  const reader = s.reader;
  if (reader === undefined) return;
  const r = reader[kState];
  r.closed.resolve();
  const readRequests = r.readRequests;
  r.readRequests = [];
  for (const request of readRequests) request[kClose]();
}

function readableStreamError(stream, e) {
  const s = stream[kState];
  s.state = 'errored';
  s.storedError = e;
  const reader = s.reader;
  if (reader === undefined) return;
  const r = reader[kState];
  r.closed.reject(e);
  setPromiseHandled(r.closed.promise);
  readableStreamDefaultReaderErrorReadRequests(reader, e);
}

function readableStreamAddReadRequest(stream, readRequest) {
  stream[kState].reader[kState].readRequests.push(readRequest);
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const readRequest = reader[kState].readRequests.shift();
  if (done) readRequest[kClose]();
  else readRequest[kChunk](chunk);
}

function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

// ---- ReadableStreamDefaultReader

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw invalidArgType('stream', 'an instance of ReadableStream', stream);
    }
    this[kState] = {
      brand: 'ReadableStreamDefaultReader',
      stream: undefined,
      closed: undefined,
      readRequests: [],
    };
    setUpReadableStreamDefaultReader(this, stream);
  }

  read() {
    if (!brand(this, 'ReadableStreamDefaultReader')) {
      return Promise.reject(invalidThis('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    const readRequest = new DefaultReadRequest();
    // Node's byte streams (fetch bodies) read as `{ value, done }` on both paths.
    if (this[kState].stream[kState].bytes) readRequest.bytes = true;
    readableStreamDefaultReaderRead(this, readRequest);
    return readRequest.promise;
  }

  releaseLock() {
    if (!brand(this, 'ReadableStreamDefaultReader')) {
      throw invalidThis('ReadableStreamDefaultReader');
    }
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }

  get closed() {
    if (!brand(this, 'ReadableStreamDefaultReader')) {
      return Promise.reject(invalidThis('ReadableStreamDefaultReader'));
    }
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!brand(this, 'ReadableStreamDefaultReader')) {
      return Promise.reject(invalidThis('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }

  [inspectCustom](depth, options) {
    const r = this[kState];
    return customInspect(this, depth, options, 'ReadableStreamDefaultReader', {
      stream: r.stream,
      readRequests: r.readRequests.length,
      close: r.closed.promise,
    });
  }
}
// The read request of reader.read(). A chunk taken from the queue reads as
// `{ done, value }`, one handed to a waiting read as `{ value, done }` (Node's two paths build
// them in those orders).
class DefaultReadRequest extends Deferred {
  [kChunk](value, fromQueue) {
    this.resolve(fromQueue && !this.bytes ? { done: false, value } : { value, done: false });
  }

  [kClose]() {
    this.resolve({ value: undefined, done: true });
  }

  [kError](e) {
    this.reject(e);
  }
}

defineWebIDL(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader',
  ['read', 'releaseLock', 'closed', 'cancel']);

function setUpReadableStreamDefaultReader(reader, stream) {
  if (isReadableStreamLocked(stream)) throw invalidState('ReadableStream is locked');
  readableStreamReaderGenericInitialize(reader, stream);
  reader[kState].readRequests = [];
}

function readableStreamReaderGenericInitialize(reader, stream) {
  const r = reader[kState];
  const s = stream[kState];
  r.stream = stream;
  s.reader = reader;
  if (s.state === 'readable') r.closed = newPromise();
  else if (s.state === 'closed') r.closed = resolvedDeferred();
  else r.closed = rejectedDeferred(s.storedError);
}

function readableStreamReaderGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

function readableStreamReaderGenericRelease(reader) {
  const r = reader[kState];
  const stream = r.stream;
  const s = stream[kState];
  if (s.state === 'readable') {
    r.closed.reject(invalidState('Reader released'));
  } else {
    r.closed = rejectedDeferred(invalidState('Reader released'));
  }
  setPromiseHandled(r.closed.promise);
  s.reader = undefined;
  r.stream = undefined;
}

function readableStreamDefaultReaderErrorReadRequests(reader, e) {
  const r = reader[kState];
  const readRequests = r.readRequests;
  r.readRequests = [];
  for (const request of readRequests) request[kError](e);
}

function readableStreamDefaultReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  readableStreamDefaultReaderErrorReadRequests(reader, invalidState('Releasing reader'));
}

function readableStreamDefaultReaderRead(reader, readRequest) {
  const stream = reader[kState].stream;
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') readRequest[kClose]();
  else if (s.state === 'errored') readRequest[kError](s.storedError);
  else s.controller[kState].pullSteps(readRequest);
}

// ---- ReadableStreamDefaultController

class ReadableStreamDefaultController {
  constructor(skip = undefined) {
    if (skip !== kSkipThrow) throw illegalConstructor();
  }

  get desiredSize() {
    if (!brand(this, 'ReadableStreamDefaultController')) {
      throw invalidThis('ReadableStreamDefaultController');
    }
    return readableStreamDefaultControllerGetDesiredSize(this);
  }

  close() {
    if (!brand(this, 'ReadableStreamDefaultController')) {
      throw invalidThis('ReadableStreamDefaultController');
    }
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw invalidState('Controller is already closed');
    }
    readableStreamDefaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    if (!brand(this, 'ReadableStreamDefaultController')) {
      throw invalidThis('ReadableStreamDefaultController');
    }
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw invalidState('Controller is already closed');
    }
    readableStreamDefaultControllerEnqueue(this, chunk);
  }

  error(e = undefined) {
    if (!brand(this, 'ReadableStreamDefaultController')) {
      throw invalidThis('ReadableStreamDefaultController');
    }
    readableStreamDefaultControllerError(this, e);
  }

  [inspectCustom](depth, options) {
    return customInspect(this, depth, options, 'ReadableStreamDefaultController', {});
  }
}
defineWebIDL(ReadableStreamDefaultController, 'ReadableStreamDefaultController',
  ['desiredSize', 'close', 'enqueue', 'error']);

function setUpReadableStreamDefaultController(stream, controller, startAlgorithm,
  pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm) {
  const c = {
    brand: 'ReadableStreamDefaultController',
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    strategySizeAlgorithm: sizeAlgorithm,
    strategyHWM: highWaterMark,
    pullAlgorithm,
    cancelAlgorithm,
    // [[CancelSteps]]
    cancelSteps(reason) {
      resetQueue(c);
      const result = c.cancelAlgorithm(reason);
      readableStreamDefaultControllerClearAlgorithms(controller);
      return result;
    },
    // [[PullSteps]]
    pullSteps(readRequest) {
      if (c.queue.length > 0) {
        const chunk = dequeueValue(c);
        if (c.closeRequested && c.queue.length === 0) {
          readableStreamDefaultControllerClearAlgorithms(controller);
          readableStreamClose(stream);
        } else {
          readableStreamDefaultControllerCallPullIfNeeded(controller);
        }
        readRequest[kChunk](chunk, true);
      } else {
        readableStreamAddReadRequest(stream, readRequest);
        readableStreamDefaultControllerCallPullIfNeeded(controller);
      }
    },
  };
  controller[kState] = c;
  stream[kState].controller = controller;
  const startResult = startAlgorithm();
  // As Node: the start result resolves a new promise (a thenable costs two more jobs).
  new Promise((r) => r(startResult)).then(() => {
    c.started = true;
    readableStreamDefaultControllerCallPullIfNeeded(controller);
  }, (r) => {
    readableStreamDefaultControllerError(controller, r);
  });
}

function setUpReadableStreamDefaultControllerFromUnderlyingSource(stream, source,
  highWaterMark, sizeAlgorithm) {
  const controller = new ReadableStreamDefaultController(kSkipThrow);
  const start = methodOf(source, 'start', 'source');
  const pull = methodOf(source, 'pull', 'source');
  const cancel = methodOf(source, 'cancel', 'source');
  const startAlgorithm = start ? () => start.call(source, controller) : () => undefined;
  // pull's result is used as is; cancel runs in an async wrapper (Node's two kinds).
  const pullAlgorithm = pull ? () => pull.call(source, controller) : () => undefined;
  const cancelAlgorithm = cancel ?
    async (reason) => cancel.call(source, reason) : () => Promise.resolve();
  setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
    cancelAlgorithm, highWaterMark, sizeAlgorithm);
}

function readableStreamDefaultControllerCallPullIfNeeded(controller) {
  const c = controller[kState];
  if (!readableStreamDefaultControllerShouldCallPull(controller)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pullFulfilled ??= () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }
  };
  c.pullRejected ??= (e) => readableStreamDefaultControllerError(controller, e);
  let result;
  try {
    result = c.pullAlgorithm();
  } catch (e) {
    result = Promise.reject(e);
  }
  thenAlgorithmResult(result, c.pullFulfilled, c.pullRejected);
}

function readableStreamDefaultControllerShouldCallPull(controller) {
  const c = controller[kState];
  const stream = c.stream;
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return false;
  if (!c.started) return false;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) {
    return true;
  }
  return readableStreamDefaultControllerGetDesiredSize(controller) > 0;
}

function readableStreamDefaultControllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function readableStreamDefaultControllerClose(controller) {
  const c = controller[kState];
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    readableStreamDefaultControllerClearAlgorithms(controller);
    readableStreamClose(c.stream);
  }
}

function readableStreamDefaultControllerEnqueue(controller, chunk) {
  const c = controller[kState];
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  const stream = c.stream;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let chunkSize;
    try {
      chunkSize = c.strategySizeAlgorithm(chunk);
    } catch (e) {
      readableStreamDefaultControllerError(controller, e);
      throw e;
    }
    try {
      enqueueValueWithSize(c, chunk, chunkSize);
    } catch (e) {
      readableStreamDefaultControllerError(controller, e);
      throw e;
    }
  }
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

function readableStreamDefaultControllerError(controller, e) {
  const c = controller[kState];
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return;
  resetQueue(c);
  readableStreamDefaultControllerClearAlgorithms(controller);
  readableStreamError(stream, e);
}

function readableStreamDefaultControllerGetDesiredSize(controller) {
  const c = controller[kState];
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function readableStreamDefaultControllerHasBackpressure(controller) {
  return !readableStreamDefaultControllerShouldCallPull(controller);
}

function readableStreamDefaultControllerCanCloseOrEnqueue(controller) {
  const c = controller[kState];
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

// ---- ReadableStreamDefaultTee (Node runs the close steps in a process.nextTick)

function readableStreamDefaultTee(stream, cloneForBranch2) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = newPromise();

  async function pullAlgorithm() {
    if (reading) return;
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      [kChunk](chunk) {
        queueMicrotask(() => {
          reading = false;
          const chunk1 = chunk;
          let chunk2 = chunk;
          if (!canceled2 && cloneForBranch2) chunk2 = structuredClone(chunk2);
          if (!canceled1) {
            readableStreamDefaultControllerEnqueue(branch1[kState].controller, chunk1);
          }
          if (!canceled2) {
            readableStreamDefaultControllerEnqueue(branch2[kState].controller, chunk2);
          }
        });
      },
      [kClose]() {
        process.nextTick(() => {
          reading = false;
          if (!canceled1) readableStreamDefaultControllerClose(branch1[kState].controller);
          if (!canceled2) readableStreamDefaultControllerClose(branch2[kState].controller);
          if (!canceled1 || !canceled2) cancelPromise.resolve();
        });
      },
      [kError]() {
        reading = false;
      },
    });
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }
  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }
  const startAlgorithm = () => {};
  branch1 = createReadableStream(startAlgorithm, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableStream(startAlgorithm, pullAlgorithm, cancel2Algorithm);
  reader[kState].closed.promise.then(undefined, (r) => {
    readableStreamDefaultControllerError(branch1[kState].controller, r);
    readableStreamDefaultControllerError(branch2[kState].controller, r);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });
  return [branch1, branch2];
}

function ReadableStreamTee(stream, cloneForBranch2 = false) {
  if (!isReadableStream(stream)) {
    throw invalidArgType('stream', 'an instance of ReadableStream', stream);
  }
  if (typeof cloneForBranch2 !== 'boolean') {
    throw invalidArgType('cloneForBranch2', 'of type boolean', cloneForBranch2);
  }
  return readableStreamDefaultTee(stream, cloneForBranch2);
}

// ---- ReadableStreamPipeTo

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const reader = new ReadableStreamDefaultReader(source);
  const writer = new WritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  let shuttingDown = false;
  const promise = newPromise();
  let abortAlgorithm;

  // The pipe's writes share one write request: it counts the writes in flight and the first
  // failure, and wakes a shutdown waiting for them (the spec's "wait until every chunk that
  // has been read has been written").
  const writes = {
    pending: 0,
    failed: false,
    failure: undefined,
    waiter: undefined,
    resolve() {
      if (--this.pending === 0 && this.waiter !== undefined) {
        const waiter = this.waiter;
        this.waiter = undefined;
        if (this.failed) waiter.reject(this.failure);
        else waiter.resolve();
      }
    },
    reject(error) {
      this.pending--;
      this.failed = true;
      this.failure = error;
      if (this.waiter !== undefined) {
        const waiter = this.waiter;
        this.waiter = undefined;
        waiter.reject(error);
      }
    },
  };

  function write(chunk) {
    const s = dest[kState];
    const chunkSize = writableStreamDefaultControllerGetChunkSize(s.controller, chunk);
    let failure;
    if (s.state === 'errored' || s.state === 'erroring') failure = s.storedError;
    else if (writableStreamCloseQueuedOrInFlight(dest) || s.state === 'closed') {
      failure = invalidState('WritableStream is closed');
    }
    if (failure !== undefined || s.state !== 'writable') {
      writes.failed = true;
      writes.failure = failure;
      return;
    }
    s.writeRequests.push(writes);
    writes.pending++;
    writableStreamDefaultControllerWrite(s.controller, chunk, chunkSize);
  }

  function waitForPendingWrites() {
    if (writes.pending === 0) {
      return writes.failed ? Promise.reject(writes.failure) : Promise.resolve();
    }
    writes.waiter = newPromise();
    return writes.waiter.promise;
  }

  function finalize(rejected, error) {
    writableStreamDefaultWriterRelease(writer);
    readableStreamReaderGenericRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (rejected) promise.reject(error);
    else promise.resolve();
  }

  function destWritableAndNotClosing() {
    return dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest);
  }

  function shutdownWithAnAction(action, rejected, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const complete = () => {
      action().then(() => finalize(rejected, originalError), (e) => finalize(true, e));
    };
    if (destWritableAndNotClosing()) {
      waitForPendingWrites().then(complete, (e) => finalize(true, e));
      return;
    }
    complete();
  }

  function shutdown(rejected, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (destWritableAndNotClosing()) {
      waitForPendingWrites().then(() => finalize(rejected, error), (e) => finalize(true, e));
      return;
    }
    finalize(rejected, error);
  }

  abortAlgorithm = () => {
    const error = signal.reason;
    const actions = [];
    if (!preventAbort) {
      actions.push(() => (dest[kState].state === 'writable' ?
        writableStreamAbort(dest, error) : Promise.resolve()));
    }
    if (!preventCancel) {
      actions.push(() => (source[kState].state === 'readable' ?
        readableStreamCancel(source, error) : Promise.resolve()));
    }
    // Node waits with its internal SafePromiseAll: each result wrapped in a promise of its
    // own, and the combined one in another (the jobs this costs show in the order).
    shutdownWithAnAction(() => new Promise((resolve, reject) => {
      Promise.all(actions.map((action) => new Promise((res, rej) => {
        action().then(res, rej);
      }))).then(resolve, reject);
    }), true, error);
  };

  function watchErrored(stream, p, action) {
    if (stream[kState].state === 'errored') action(stream[kState].storedError);
    else p.then(undefined, action);
  }
  function watchClosed(stream, p, action) {
    if (stream[kState].state === 'closed') action();
    else p.then(action, () => {});
  }

  // The pipe loop: under backpressure, wait for the writer's ready (pump runs when it would
  // resolve); write every chunk already queued in the source, then go on a job later; or
  // read one chunk and write it a job after it arrives (the spec's chunk steps).
  let pendingChunk;
  let readyHook;
  function parkOnReady() {
    readyHook ??= {
      promise: new Promise(() => {}),
      resolve: pump,
      reject() {},
      pending: true,
    };
    writer[kState].ready = readyHook;
  }
  function forwardChunk() {
    const chunk = pendingChunk;
    pendingChunk = undefined;
    write(chunk);
    pump();
  }
  const readRequest = {
    [kChunk](chunk) {
      pendingChunk = chunk;
      Promise.resolve().then(forwardChunk);
    },
    [kClose]() {},
    [kError]() {},
  };
  function pump() {
    if (shuttingDown) return;
    if (dest[kState].backpressure) {
      parkOnReady();
      return;
    }
    const controller = source[kState].controller;
    const c = controller[kState];
    if (source[kState].state === 'readable' && c.queue.length > 0) {
      while (c.queue.length > 0) {
        if (shuttingDown) return;
        const chunk = dequeueValue(c);
        if (c.closeRequested && c.queue.length === 0) {
          readableStreamDefaultControllerClearAlgorithms(controller);
          readableStreamClose(source);
        }
        write(chunk);
        if (dest[kState].backpressure || !destWritableAndNotClosing()) break;
      }
      readableStreamDefaultControllerCallPullIfNeeded(controller);
      if (source[kState].state === 'closed') return;
      if (dest[kState].backpressure) {
        parkOnReady();
        return;
      }
      Promise.resolve().then(pump);
      return;
    }
    readableStreamDefaultReaderRead(reader, readRequest);
  }

  if (signal !== undefined) {
    if (signal.aborted) {
      abortAlgorithm();
      return promise.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  pump();

  watchErrored(source, reader[kState].closed.promise, (error) => {
    if (!preventAbort) {
      shutdownWithAnAction(() => writableStreamAbort(dest, error), true, error);
    } else {
      shutdown(true, error);
    }
  });
  watchErrored(dest, writer[kState].closed.promise, (error) => {
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, error), true, error);
    } else {
      shutdown(true, error);
    }
  });
  watchClosed(source, reader[kState].closed.promise, () => {
    if (!preventClose) {
      shutdownWithAnAction(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    } else {
      shutdown();
    }
  });
  if (writableStreamCloseQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
    const error = invalidState('Destination WritableStream is closed');
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, error), true, error);
    } else {
      shutdown(true, error);
    }
  }
  return promise.promise;
}

// ---- Async iteration (WebIDL asynchronous iterator over a ReadableStream)

const AsyncIterator = Object.create(AsyncIteratorPrototype, {
  next: { configurable: true, enumerable: true, writable: true },
  return: { configurable: true, enumerable: true, writable: true },
});

function createReadableStreamAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  // `current` is the last promise next() handed out, until its read settles; calls queue
  // behind it (WebIDL's "ongoing promise").
  const state = { done: false, current: undefined };
  let started = false;

  function nextSteps() {
    if (state.done) return Promise.resolve({ done: true, value: undefined });
    if (reader[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not bound to a ReadableStream'));
    }
    const d = newPromise();
    readableStreamDefaultReaderRead(reader, {
      [kChunk](value) {
        state.current = undefined;
        d.resolve({ value, done: false });
      },
      [kClose]() {
        state.current = undefined;
        state.done = true;
        readableStreamReaderGenericRelease(reader);
        d.resolve({ done: true, value: undefined });
      },
      [kError](e) {
        state.current = undefined;
        state.done = true;
        readableStreamReaderGenericRelease(reader);
        d.reject(e);
      },
    });
    return d.promise;
  }

  async function returnSteps(value) {
    if (state.done) return { done: true, value };
    state.done = true;
    if (reader[kState].stream === undefined) {
      throw invalidState('The reader is not bound to a ReadableStream');
    }
    if (!preventCancel) {
      const result = readableStreamReaderGenericCancel(reader, value);
      readableStreamReaderGenericRelease(reader);
      await result;
      return { done: true, value };
    }
    readableStreamReaderGenericRelease(reader);
    return { done: true, value };
  }

  return {
    __proto__: AsyncIterator,
    next() {
      // As Node: the first next() waits one microtask (for the controller's start).
      if (!started) {
        state.current = Promise.resolve();
        started = true;
      }
      if (state.current !== undefined) {
        state.current = state.current.then(nextSteps, nextSteps);
        return state.current;
      }
      // No read in flight and a chunk queued: take it now (as Node, like read()'s fast
      // path: `{ done, value }`, settled at once).
      const s = reader[kState].stream;
      if (!state.done && s !== undefined && s[kState].state === 'readable') {
        const controller = s[kState].controller;
        const c = controller[kState];
        if (c.queue.length > 0) {
          s[kState].disturbed = true;
          const chunk = dequeueValue(c);
          if (c.closeRequested && c.queue.length === 0) {
            readableStreamDefaultControllerClearAlgorithms(controller);
            readableStreamClose(s);
          } else {
            readableStreamDefaultControllerCallPullIfNeeded(controller);
          }
          return Promise.resolve({ done: false, value: chunk });
        }
      }
      state.current = nextSteps();
      return state.current;
    },
    return(value) {
      started = true;
      state.current = state.current !== undefined ?
        state.current.then(() => returnSteps(value), () => returnSteps(value)) :
        returnSteps(value);
      return state.current;
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

// ---- ReadableStream.from: the iterator's next() result and a value that is an object are
// adopted (as awaiting them would); the pull reports completion itself (kParked). A sync
// iterable's iterator is used as is, as Node does (highWaterMark 0).

function readableStreamFromIterable(iterable) {
  let stream;
  const method = iterable[Symbol.asyncIterator] ?? iterable[Symbol.iterator];
  if (method == null || typeof method !== 'function') {
    throw nodeError('TypeError', 'ERR_ARG_NOT_ITERABLE',
      `${binding.format('%s', iterable)} must be iterable`);
  }
  const iterator = method.call(iterable);
  if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
    throw invalidState('The iterator method must return an object');
  }
  const nextMethod = iterator.next;
  const isObject = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');
  const controllerOf = () => stream[kState].controller;
  const rejectPull = (error) => readableStreamDefaultControllerError(controllerOf(), error);
  function enqueueValue(value) {
    try {
      readableStreamDefaultControllerEnqueue(controllerOf(), value);
    } catch (error) {
      rejectPull(error);
      return;
    }
    controllerOf()[kState].pullFulfilled();
  }
  function processIterResult(iterResult) {
    if (!isObject(iterResult)) {
      rejectPull(invalidState(
        'The promise returned by the iterator.next() method must fulfill with an object'));
      return;
    }
    try {
      if (iterResult.done) {
        readableStreamDefaultControllerClose(controllerOf());
      } else {
        const value = iterResult.value;
        if (isObject(value)) {
          Promise.resolve(value).then(enqueueValue, rejectPull);
          return;
        }
        readableStreamDefaultControllerEnqueue(controllerOf(), value);
      }
    } catch (error) {
      rejectPull(error);
      return;
    }
    controllerOf()[kState].pullFulfilled();
  }
  function pullAlgorithm() {
    let nextResult;
    try {
      nextResult = nextMethod.call(iterator);
    } catch (error) {
      return Promise.reject(error);
    }
    if (isObject(nextResult)) {
      Promise.resolve(nextResult).then(processIterResult, rejectPull);
    } else {
      Promise.resolve().then(() => processIterResult(nextResult));
    }
    return kParked;
  }
  async function cancelAlgorithm(reason) {
    const returnMethod = iterator.return;
    if (returnMethod === undefined) return;
    const iterResult = await returnMethod.call(iterator, reason);
    if (!isObject(iterResult)) {
      throw invalidState(
        'The promise returned by the iterator.return() method must fulfill with an object');
    }
  }
  stream = createReadableStream(() => {}, pullAlgorithm, cancelAlgorithm, 0);
  return stream;
}

// =====================================================================================
// WritableStream

class WritableStream {
  constructor(underlyingSink = undefined, strategy = undefined) {
    if (underlyingSink !== undefined && (underlyingSink === null ||
        (typeof underlyingSink !== 'object' && typeof underlyingSink !== 'function'))) {
      throw invalidArgType('sink', 'of type object', underlyingSink);
    }
    if (strategy != null && typeof strategy !== 'object' && typeof strategy !== 'function') {
      throw invalidArgType('strategy', 'of type object', strategy);
    }
    const type = underlyingSink?.type;
    if (type !== undefined) throw invalidArgValue('type', type, 'RangeError');
    initializeWritableStream(this);
    const size = strategy?.size;
    const highWaterMark = strategy?.highWaterMark;
    const sizeAlgorithm = extractSizeAlgorithm(size);
    setUpWritableStreamDefaultControllerFromUnderlyingSink(
      this, underlyingSink, extractHighWaterMark(highWaterMark, 1), sizeAlgorithm);
  }

  get locked() {
    if (!isWritableStream(this)) throw invalidThis('WritableStream');
    return isWritableStreamLocked(this);
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return Promise.reject(invalidThis('WritableStream'));
    if (isWritableStreamLocked(this)) {
      return Promise.reject(invalidState('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isWritableStream(this)) return Promise.reject(invalidThis('WritableStream'));
    if (isWritableStreamLocked(this)) {
      return Promise.reject(invalidState('WritableStream is locked'));
    }
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return Promise.reject(invalidState('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    if (!isWritableStream(this)) throw invalidThis('WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  [inspectCustom](depth, options) {
    return customInspect(this, depth, options, 'WritableStream', {
      locked: this.locked,
      state: this[kState].state,
    });
  }
}
defineWebIDL(WritableStream, 'WritableStream', ['locked', 'abort', 'close', 'getWriter']);

function initializeWritableStream(stream) {
  stream[kState] = {
    brand: 'WritableStream',
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: [],
    backpressure: false,
  };
}

// CreateWritableStream
function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
  highWaterMark, sizeAlgorithm) {
  const stream = Object.create(WritableStream.prototype);
  initializeWritableStream(stream);
  const controller = new WritableStreamDefaultController(kSkipThrow);
  setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
    closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  const { abortSignal } = require('internal/abort_controller');
  abortSignal(s.controller[kState].abortController.signal, reason);
  const state = s.state;
  if (state === 'closed' || state === 'errored') return Promise.resolve();
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const promise = newPromise();
  s.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return promise.promise;
}

function writableStreamClose(stream) {
  const s = stream[kState];
  const state = s.state;
  if (state === 'closed' || state === 'errored') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  const promise = newPromise();
  s.closeRequest = promise;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && state === 'writable') {
    writer[kState].ready.resolve();
  }
  writableStreamDefaultControllerClose(s.controller);
  return promise.promise;
}

function writableStreamAddWriteRequest(stream) {
  const promise = newPromise();
  stream[kState].writeRequests.push(promise);
  return promise.promise;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const s = stream[kState];
  const controller = s.controller;
  s.state = 'erroring';
  s.storedError = reason;
  const writer = s.writer;
  if (writer !== undefined) writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  resetQueue(s.controller[kState]); // [[ErrorSteps]]
  const storedError = s.storedError;
  for (const request of s.writeRequests) request.reject(storedError);
  s.writeRequests = [];
  if (s.pendingAbortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const abortRequest = s.pendingAbortRequest;
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const promise = s.controller[kState].abortSteps(abortRequest.reason);
  promise.then(() => {
    abortRequest.promise.resolve();
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    abortRequest.promise.reject(reason);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamFinishInFlightWrite(stream) {
  const s = stream[kState];
  s.inFlightWriteRequest.resolve();
  s.inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  const s = stream[kState];
  s.inFlightWriteRequest.reject(error);
  s.inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  const s = stream[kState];
  s.inFlightCloseRequest.resolve();
  s.inFlightCloseRequest = undefined;
  if (s.state === 'erroring') {
    s.storedError = undefined;
    if (s.pendingAbortRequest !== undefined) {
      s.pendingAbortRequest.promise.resolve();
      s.pendingAbortRequest = undefined;
    }
  }
  s.state = 'closed';
  const writer = s.writer;
  if (writer !== undefined) writer[kState].closed.resolve();
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  const s = stream[kState];
  s.inFlightCloseRequest.reject(error);
  s.inFlightCloseRequest = undefined;
  if (s.pendingAbortRequest !== undefined) {
    s.pendingAbortRequest.promise.reject(error);
    s.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamCloseQueuedOrInFlight(stream) {
  const s = stream[kState];
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamHasOperationMarkedInFlight(stream) {
  const s = stream[kState];
  return s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamMarkCloseRequestInFlight(stream) {
  const s = stream[kState];
  s.inFlightCloseRequest = s.closeRequest;
  s.closeRequest = undefined;
}

function writableStreamMarkFirstWriteRequestInFlight(stream) {
  const s = stream[kState];
  s.inFlightWriteRequest = s.writeRequests.shift();
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  if (s.closeRequest !== undefined) {
    s.closeRequest.reject(s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer !== undefined) {
    writer[kState].closed.reject(s.storedError);
    setPromiseHandled(writer[kState].closed.promise);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  const changed = backpressure !== s.backpressure;
  // Set first: resolving the ready promise may run the pipe loop at once (its hook).
  s.backpressure = backpressure;
  if (writer !== undefined && changed) {
    if (backpressure) writer[kState].ready = newPromise();
    else writer[kState].ready.resolve();
  }
}

// ---- WritableStreamDefaultWriter

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) {
      throw invalidArgType('stream', 'an instance of WritableStream', stream);
    }
    this[kState] = {
      brand: 'WritableStreamDefaultWriter',
      stream: undefined,
      ready: undefined,
      closed: undefined,
    };
    setUpWritableStreamDefaultWriter(this, stream);
  }

  get closed() {
    if (!brand(this, 'WritableStreamDefaultWriter')) {
      return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    }
    return this[kState].closed.promise;
  }

  get desiredSize() {
    if (!brand(this, 'WritableStreamDefaultWriter')) {
      throw invalidThis('WritableStreamDefaultWriter');
    }
    if (this[kState].stream === undefined) {
      throw invalidState('Writer is not bound to a WritableStream');
    }
    return writableStreamDefaultWriterGetDesiredSize(this);
  }

  get ready() {
    if (!brand(this, 'WritableStreamDefaultWriter')) {
      return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    }
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!brand(this, 'WritableStreamDefaultWriter')) {
      return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    }
    return writableStreamAbort(this[kState].stream, reason);
  }

  close() {
    if (!brand(this, 'WritableStreamDefaultWriter')) {
      return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    }
    const stream = this[kState].stream;
    if (stream === undefined) {
      return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return Promise.reject(invalidState('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    if (!brand(this, 'WritableStreamDefaultWriter')) {
      throw invalidThis('WritableStreamDefaultWriter');
    }
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }

  write(chunk = undefined) {
    if (!brand(this, 'WritableStreamDefaultWriter')) {
      return Promise.reject(invalidThis('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }

  [inspectCustom](depth, options) {
    const w = this[kState];
    return customInspect(this, depth, options, 'WritableStreamDefaultWriter', {
      stream: w.stream,
      close: w.closed.promise,
      ready: w.ready.promise,
      desiredSize: this.desiredSize,
    });
  }
}
defineWebIDL(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter',
  ['closed', 'desiredSize', 'ready', 'abort', 'close', 'releaseLock', 'write']);

function setUpWritableStreamDefaultWriter(writer, stream) {
  if (isWritableStreamLocked(stream)) throw invalidState('WritableStream is locked');
  const w = writer[kState];
  const s = stream[kState];
  w.stream = stream;
  s.writer = writer;
  const state = s.state;
  if (state === 'writable') {
    w.ready = !writableStreamCloseQueuedOrInFlight(stream) && s.backpressure ?
      newPromise() : resolvedDeferred();
    w.closed = newPromise();
  } else if (state === 'erroring') {
    w.ready = rejectedDeferred(s.storedError);
    w.closed = newPromise();
  } else if (state === 'closed') {
    w.ready = resolvedDeferred();
    w.closed = resolvedDeferred();
  } else {
    w.ready = rejectedDeferred(s.storedError);
    w.closed = rejectedDeferred(s.storedError);
  }
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  if (writableStreamCloseQueuedOrInFlight(stream) || s.state === 'closed') {
    return Promise.resolve();
  }
  if (s.state === 'errored') return Promise.reject(s.storedError);
  return writableStreamClose(stream);
}

function writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error) {
  const w = writer[kState];
  if (w.closed.pending) w.closed.reject(error);
  else w.closed = rejectedDeferred(error);
  setPromiseHandled(w.closed.promise);
}

function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
  const w = writer[kState];
  if (w.ready.pending) w.ready.reject(error);
  else w.ready = rejectedDeferred(error);
  setPromiseHandled(w.ready.promise);
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (state === 'errored' || state === 'erroring') return null;
  if (state === 'closed') return 0;
  return writableStreamDefaultControllerGetDesiredSize(stream[kState].controller);
}

function writableStreamDefaultWriterRelease(writer) {
  const w = writer[kState];
  const stream = w.stream;
  const releasedError = invalidState('Writer has been released');
  writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
  writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError);
  stream[kState].writer = undefined;
  w.stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  const controller = s.controller;
  const chunkSize = writableStreamDefaultControllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) {
    return Promise.reject(invalidState('Mismatched WritableStreams'));
  }
  const state = s.state;
  if (state === 'errored') return Promise.reject(s.storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  if (state === 'erroring') return Promise.reject(s.storedError);
  const promise = writableStreamAddWriteRequest(stream);
  writableStreamDefaultControllerWrite(controller, chunk, chunkSize);
  return promise;
}

// ---- WritableStreamDefaultController

class WritableStreamDefaultController {
  constructor(skip = undefined) {
    if (skip !== kSkipThrow) throw illegalConstructor();
  }

  get signal() {
    if (!brand(this, 'WritableStreamDefaultController')) {
      throw invalidThis('WritableStreamDefaultController');
    }
    return this[kState].abortController.signal;
  }

  error(e = undefined) {
    if (!brand(this, 'WritableStreamDefaultController')) {
      throw invalidThis('WritableStreamDefaultController');
    }
    if (this[kState].stream[kState].state !== 'writable') return;
    writableStreamDefaultControllerError(this, e);
  }

  [inspectCustom](depth, options) {
    return customInspect(this, depth, options, 'WritableStreamDefaultController', {
      stream: this[kState].stream,
    });
  }
}
defineWebIDL(WritableStreamDefaultController, 'WritableStreamDefaultController',
  ['signal', 'error']);

function setUpWritableStreamDefaultController(stream, controller, startAlgorithm,
  writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
  const { AbortController } = require('internal/abort_controller');
  const c = {
    brand: 'WritableStreamDefaultController',
    stream,
    queue: [],
    queueTotalSize: 0,
    abortController: new AbortController(),
    started: false,
    strategySizeAlgorithm: sizeAlgorithm,
    strategyHWM: highWaterMark,
    writeAlgorithm,
    closeAlgorithm,
    abortAlgorithm,
    // [[AbortSteps]]
    abortSteps(reason) {
      const result = c.abortAlgorithm(reason);
      writableStreamDefaultControllerClearAlgorithms(controller);
      return result;
    },
  };
  controller[kState] = c;
  stream[kState].controller = controller;
  writableStreamUpdateBackpressure(stream,
    writableStreamDefaultControllerGetBackpressure(controller));
  const startResult = startAlgorithm();
  // As Node: the start result resolves a new promise (a thenable costs two more jobs).
  new Promise((r) => r(startResult)).then(() => {
    c.started = true;
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  }, (r) => {
    c.started = true;
    writableStreamDealWithRejection(stream, r);
  });
}

function setUpWritableStreamDefaultControllerFromUnderlyingSink(stream, sink, highWaterMark,
  sizeAlgorithm) {
  const controller = new WritableStreamDefaultController(kSkipThrow);
  const start = methodOf(sink, 'start', 'sink');
  const write = methodOf(sink, 'write', 'sink');
  const close = methodOf(sink, 'close', 'sink');
  const abort = methodOf(sink, 'abort', 'sink');
  const startAlgorithm = start ? () => start.call(sink, controller) : () => undefined;
  const writeAlgorithm = write ?
    (chunk) => write.call(sink, chunk, controller) : () => undefined;
  const closeAlgorithm = close ? async () => close.call(sink) : () => Promise.resolve();
  const abortAlgorithm = abort ?
    async (reason) => abort.call(sink, reason) : () => Promise.resolve();
  setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
    closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
}

function writableStreamDefaultControllerAdvanceQueueIfNeeded(controller) {
  const c = controller[kState];
  const stream = c.stream;
  if (!c.started) return;
  if (stream[kState].inFlightWriteRequest !== undefined) return;
  const state = stream[kState].state;
  if (state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const value = peekQueueValue(c);
  if (value === kCloseSentinel) writableStreamDefaultControllerProcessClose(controller);
  else writableStreamDefaultControllerProcessWrite(controller, value);
}

function writableStreamDefaultControllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.writeAlgorithm = undefined;
  c.closeAlgorithm = undefined;
  c.abortAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function writableStreamDefaultControllerClose(controller) {
  enqueueValueWithSize(controller[kState], kCloseSentinel, 0);
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

function writableStreamDefaultControllerError(controller, error) {
  const stream = controller[kState].stream;
  writableStreamDefaultControllerClearAlgorithms(controller);
  writableStreamStartErroring(stream, error);
}

function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') {
    writableStreamDefaultControllerError(controller, error);
  }
}

function writableStreamDefaultControllerGetBackpressure(controller) {
  return writableStreamDefaultControllerGetDesiredSize(controller) <= 0;
}

function writableStreamDefaultControllerGetChunkSize(controller, chunk) {
  const c = controller[kState];
  if (c.strategySizeAlgorithm === undefined) return 1;
  try {
    return c.strategySizeAlgorithm(chunk);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return 1;
  }
}

function writableStreamDefaultControllerGetDesiredSize(controller) {
  const c = controller[kState];
  return c.strategyHWM - c.queueTotalSize;
}

function writableStreamDefaultControllerProcessClose(controller) {
  const c = controller[kState];
  const stream = c.stream;
  writableStreamMarkCloseRequestInFlight(stream);
  dequeueValue(c);
  const sinkClosePromise = c.closeAlgorithm();
  writableStreamDefaultControllerClearAlgorithms(controller);
  sinkClosePromise.then(() => {
    writableStreamFinishInFlightClose(stream);
  }, (reason) => {
    writableStreamFinishInFlightCloseWithError(stream, reason);
  });
}

function writableStreamDefaultControllerProcessWrite(controller, chunk) {
  const c = controller[kState];
  const stream = c.stream;
  writableStreamMarkFirstWriteRequestInFlight(stream);
  c.writeFulfilled ??= () => {
    writableStreamFinishInFlightWrite(stream);
    const state = stream[kState].state;
    dequeueValue(c);
    if (!writableStreamCloseQueuedOrInFlight(stream) && state === 'writable') {
      writableStreamUpdateBackpressure(stream,
        writableStreamDefaultControllerGetBackpressure(controller));
    }
    writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
  };
  c.writeRejected ??= (reason) => {
    if (stream[kState].state === 'writable') {
      writableStreamDefaultControllerClearAlgorithms(controller);
    }
    writableStreamFinishInFlightWriteWithError(stream, reason);
  };
  let result;
  try {
    result = c.writeAlgorithm(chunk);
  } catch (e) {
    result = Promise.reject(e);
  }
  thenAlgorithmResult(result, c.writeFulfilled, c.writeRejected);
}

function writableStreamDefaultControllerWrite(controller, chunk, chunkSize) {
  const c = controller[kState];
  try {
    enqueueValueWithSize(c, chunk, chunkSize);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return;
  }
  const stream = c.stream;
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream,
      writableStreamDefaultControllerGetBackpressure(controller));
  }
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

// =====================================================================================
// TransformStream

class TransformStream {
  constructor(transformer = undefined, writableStrategy = undefined,
    readableStrategy = undefined) {
    if (transformer !== undefined && (transformer === null ||
        (typeof transformer !== 'object' && typeof transformer !== 'function'))) {
      throw invalidArgType('transformer', 'of type object', transformer);
    }
    for (const [name, value] of [['writableStrategy', writableStrategy],
      ['readableStrategy', readableStrategy]]) {
      if (value != null && typeof value !== 'object' && typeof value !== 'function') {
        throw invalidArgType(name, 'of type object', value);
      }
    }
    const readableType = transformer?.readableType;
    if (readableType !== undefined) {
      throw invalidArgValue('transformer.readableType', readableType, 'RangeError');
    }
    const writableType = transformer?.writableType;
    if (writableType !== undefined) {
      throw invalidArgValue('transformer.writableType', writableType, 'RangeError');
    }
    const readableHighWaterMark = extractHighWaterMark(readableStrategy?.highWaterMark, 0);
    const readableSizeAlgorithm = extractSizeAlgorithm(readableStrategy?.size);
    const writableHighWaterMark = extractHighWaterMark(writableStrategy?.highWaterMark, 1);
    const writableSizeAlgorithm = extractSizeAlgorithm(writableStrategy?.size);
    const startPromise = newPromise();
    initializeTransformStream(this, startPromise, writableHighWaterMark,
      writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm);
    setUpTransformStreamDefaultControllerFromTransformer(this, transformer);
    const start = methodOf(transformer, 'start', 'transformer');
    if (start) startPromise.resolve(start.call(transformer, this[kState].controller));
    else startPromise.resolve();
  }

  get readable() {
    if (!isTransformStream(this)) throw invalidThis('TransformStream');
    return this[kState].readable;
  }

  get writable() {
    if (!isTransformStream(this)) throw invalidThis('TransformStream');
    return this[kState].writable;
  }

  [inspectCustom](depth, options) {
    const t = this[kState];
    return customInspect(this, depth, options, 'TransformStream', {
      readable: t.readable,
      writable: t.writable,
      backpressure: t.backpressure,
    });
  }
}
defineWebIDL(TransformStream, 'TransformStream', ['readable', 'writable']);

function initializeTransformStream(stream, startPromise, writableHighWaterMark,
  writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm) {
  const t = {
    brand: 'TransformStream',
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    pullPending: false,
    pendingWrite: undefined,
    controller: undefined,
  };
  stream[kState] = t;
  const startAlgorithm = () => startPromise.promise;
  t.writable = createWritableStream(startAlgorithm,
    (chunk) => transformStreamDefaultSinkWriteAlgorithm(stream, chunk),
    () => transformStreamDefaultSinkCloseAlgorithm(stream),
    (reason) => transformStreamDefaultSinkAbortAlgorithm(stream, reason),
    writableHighWaterMark, writableSizeAlgorithm);
  t.readable = createReadableStream(startAlgorithm,
    () => transformStreamDefaultSourcePullAlgorithm(stream),
    (reason) => transformStreamDefaultSourceCancelAlgorithm(stream, reason),
    readableHighWaterMark, readableSizeAlgorithm);
  transformStreamSetBackpressure(stream, true);
}

function transformStreamError(stream, e) {
  readableStreamDefaultControllerError(stream[kState].readable[kState].controller, e);
  transformStreamErrorWritableAndUnblockWrite(stream, e);
}

function transformStreamErrorWritableAndUnblockWrite(stream, e) {
  transformStreamDefaultControllerClearAlgorithms(stream[kState].controller);
  writableStreamDefaultControllerErrorIfNeeded(stream[kState].writable[kState].controller, e);
  transformStreamUnblockWrite(stream);
}

function transformStreamUnblockWrite(stream) {
  if (stream[kState].backpressure) transformStreamSetBackpressure(stream, false);
}

// TransformStreamSetBackpressure. The spec's [[backpressureChangePromise]] is resolved on
// every change; what waited on it is a parked pull (done when backpressure comes back) and a
// parked write (transformed when it goes away), each run in a job of its own at the change,
// where the promise's reaction would have run.
function transformStreamSetBackpressure(stream, backpressure) {
  const t = stream[kState];
  t.backpressure = backpressure;
  if (backpressure) {
    if (t.pullPending) {
      t.pullPending = false;
      Promise.resolve().then(t.readable[kState].controller[kState].pullFulfilled);
    }
  } else if (t.pendingWrite !== undefined) {
    const write = t.pendingWrite;
    t.pendingWrite = undefined;
    Promise.resolve().then(write);
  }
}

// ---- TransformStreamDefaultController

class TransformStreamDefaultController {
  constructor(skip = undefined) {
    if (skip !== kSkipThrow) throw illegalConstructor();
  }

  get desiredSize() {
    if (!brand(this, 'TransformStreamDefaultController')) {
      throw invalidThis('TransformStreamDefaultController');
    }
    const readableController = this[kState].stream[kState].readable[kState].controller;
    return readableStreamDefaultControllerGetDesiredSize(readableController);
  }

  enqueue(chunk = undefined) {
    if (!brand(this, 'TransformStreamDefaultController')) {
      throw invalidThis('TransformStreamDefaultController');
    }
    transformStreamDefaultControllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    if (!brand(this, 'TransformStreamDefaultController')) {
      throw invalidThis('TransformStreamDefaultController');
    }
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    if (!brand(this, 'TransformStreamDefaultController')) {
      throw invalidThis('TransformStreamDefaultController');
    }
    transformStreamDefaultControllerTerminate(this);
  }

  [inspectCustom](depth, options) {
    return customInspect(this, depth, options, 'TransformStreamDefaultController', {
      stream: this[kState].stream,
    });
  }
}
defineWebIDL(TransformStreamDefaultController, 'TransformStreamDefaultController',
  ['desiredSize', 'enqueue', 'error', 'terminate']);

function setUpTransformStreamDefaultControllerFromTransformer(stream, transformer) {
  const controller = new TransformStreamDefaultController(kSkipThrow);
  const transform = methodOf(transformer, 'transform', 'transformer');
  const flush = methodOf(transformer, 'flush', 'transformer');
  const cancel = methodOf(transformer, 'cancel', 'transformer');
  const transformAlgorithm = transform ?
    (chunk) => promiseCall(transform, transformer, chunk, controller) :
    (chunk) => {
      try {
        transformStreamDefaultControllerEnqueue(controller, chunk);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    };
  const flushAlgorithm = flush ?
    async () => flush.call(transformer, controller) : () => Promise.resolve();
  const cancelAlgorithm = cancel ?
    async (reason) => cancel.call(transformer, reason) : () => Promise.resolve();
  controller[kState] = {
    brand: 'TransformStreamDefaultController',
    stream,
    transformAlgorithm,
    flushAlgorithm,
    cancelAlgorithm,
    finishPromise: undefined,
  };
  stream[kState].controller = controller;
}

function transformStreamDefaultControllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function transformStreamDefaultControllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const readableController = stream[kState].readable[kState].controller;
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(readableController)) {
    throw invalidState('Unable to enqueue');
  }
  try {
    readableStreamDefaultControllerEnqueue(readableController, chunk);
  } catch (e) {
    transformStreamErrorWritableAndUnblockWrite(stream, e);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = readableStreamDefaultControllerHasBackpressure(readableController);
  if (backpressure !== stream[kState].backpressure) {
    transformStreamSetBackpressure(stream, true);
  }
}

function transformStreamDefaultControllerPerformTransform(controller, chunk) {
  const transformPromise = controller[kState].transformAlgorithm(chunk);
  return transformPromise.then(undefined, (r) => {
    transformStreamError(controller[kState].stream, r);
    throw r;
  });
}

function transformStreamDefaultControllerTerminate(controller) {
  const stream = controller[kState].stream;
  readableStreamDefaultControllerClose(stream[kState].readable[kState].controller);
  transformStreamErrorWritableAndUnblockWrite(stream,
    invalidState('TransformStream has been terminated'));
}

function transformStreamDefaultSinkWriteAlgorithm(stream, chunk) {
  const t = stream[kState];
  const controller = t.controller;
  if (t.backpressure) {
    // Parked until backpressure goes; then the transform's promise settles the write
    // directly (no promise adopting another in between, as in Node).
    t.pendingWrite = () => {
      const ws = t.writable[kState];
      const wc = ws.controller[kState];
      if (ws.state === 'erroring') {
        const error = ws.storedError;
        Promise.resolve().then(() => wc.writeRejected(error));
        return;
      }
      transformStreamDefaultControllerPerformTransform(controller, chunk)
        .then(wc.writeFulfilled, wc.writeRejected);
    };
    return kParked;
  }
  return transformStreamDefaultControllerPerformTransform(controller, chunk);
}

function transformStreamDefaultSinkAbortAlgorithm(stream, reason) {
  const t = stream[kState];
  const c = t.controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = t.readable;
  c.finishPromise = newPromise();
  const finish = c.finishPromise;
  const cancelPromise = c.cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(t.controller);
  cancelPromise.then(() => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      readableStreamDefaultControllerError(readable[kState].controller, reason);
      finish.resolve();
    }
  }, (r) => {
    readableStreamDefaultControllerError(readable[kState].controller, r);
    finish.reject(r);
  });
  return finish.promise;
}

function transformStreamDefaultSinkCloseAlgorithm(stream) {
  const t = stream[kState];
  const c = t.controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = t.readable;
  c.finishPromise = newPromise();
  const finish = c.finishPromise;
  const flushPromise = c.flushAlgorithm();
  transformStreamDefaultControllerClearAlgorithms(t.controller);
  flushPromise.then(() => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      readableStreamDefaultControllerClose(readable[kState].controller);
      finish.resolve();
    }
  }, (r) => {
    readableStreamDefaultControllerError(readable[kState].controller, r);
    finish.reject(r);
  });
  return finish.promise;
}

function transformStreamDefaultSourcePullAlgorithm(stream) {
  transformStreamSetBackpressure(stream, false);
  stream[kState].pullPending = true;
  return kParked;
}

function transformStreamDefaultSourceCancelAlgorithm(stream, reason) {
  const t = stream[kState];
  const c = t.controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const writable = t.writable;
  c.finishPromise = newPromise();
  const finish = c.finishPromise;
  const cancelPromise = c.cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(t.controller);
  cancelPromise.then(() => {
    if (writable[kState].state === 'errored') {
      finish.reject(writable[kState].storedError);
    } else {
      writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, reason);
      transformStreamUnblockWrite(stream);
      finish.resolve();
    }
  }, (r) => {
    writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, r);
    transformStreamUnblockWrite(stream);
    finish.reject(r);
  });
  return finish.promise;
}

// =====================================================================================
// Queuing strategies

function validateStrategyInit(init) {
  if (init === null || typeof init !== 'object') {
    throw invalidArgType('init', 'of type object', init);
  }
  if (init.highWaterMark === undefined) {
    throw nodeError('TypeError', 'ERR_MISSING_OPTION', 'init.highWaterMark is required');
  }
  return +init.highWaterMark;
}

const countSize = { size() { return 1; } }.size;
const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;

// Private fields, as Node's: a foreign receiver fails as reading a private member does.
class CountQueuingStrategy {
  #state;
  #countSizeFunction = countSize;

  constructor(init) {
    this.#state = { highWaterMark: validateStrategyInit(init) };
  }

  get highWaterMark() {
    return this.#state.highWaterMark;
  }

  get size() {
    return this.#countSizeFunction;
  }

  [inspectCustom](depth, options) {
    return customInspect(this, depth, options, 'CountQueuingStrategy', {
      highWaterMark: this.highWaterMark,
    });
  }
}
defineWebIDL(CountQueuingStrategy, 'CountQueuingStrategy', ['highWaterMark', 'size']);

class ByteLengthQueuingStrategy {
  #state;
  #byteSizeFunction = byteLengthSize;

  constructor(init) {
    this.#state = { highWaterMark: validateStrategyInit(init) };
  }

  get highWaterMark() {
    return this.#state.highWaterMark;
  }

  get size() {
    return this.#byteSizeFunction;
  }

  [inspectCustom](depth, options) {
    return customInspect(this, depth, options, 'ByteLengthQueuingStrategy', {
      highWaterMark: this.highWaterMark,
    });
  }
}
defineWebIDL(ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy', ['highWaterMark', 'size']);

// =====================================================================================
// TextEncoderStream / TextDecoderStream

// Private fields named as Node's (#handle, #transform): a foreign receiver fails as reading
// a private member does, with Node's message.
class TextEncoderStream {
  #handle;
  #transform;

  constructor() {
    const { TextEncoder } = require('internal/encoding');
    const encoder = new TextEncoder();
    let pendingHighSurrogate = null;
    this.#handle = encoder;
    this.#transform = new TransformStream({
      transform(chunk, controller) {
        let input = `${chunk}`;
        if (pendingHighSurrogate !== null) input = pendingHighSurrogate + input;
        pendingHighSurrogate = null;
        const last = input.length > 0 ? input.charCodeAt(input.length - 1) : 0;
        if (last >= 0xD800 && last <= 0xDBFF) {
          pendingHighSurrogate = input[input.length - 1];
          input = input.slice(0, -1);
        }
        if (input.length > 0) controller.enqueue(encoder.encode(input));
      },
      flush(controller) {
        if (pendingHighSurrogate !== null) {
          controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
        }
      },
    });
  }

  get encoding() {
    return this.#handle.encoding;
  }

  get readable() {
    return this.#transform.readable;
  }

  get writable() {
    return this.#transform.writable;
  }

  [inspectCustom](depth, options) {
    return customInspect(this, depth, options, 'TextEncoderStream', {
      encoding: this.#handle.encoding,
      readable: this.#transform.readable,
      writable: this.#transform.writable,
    });
  }
}
defineWebIDL(TextEncoderStream, 'TextEncoderStream', ['encoding', 'readable', 'writable']);

class TextDecoderStream {
  #handle;
  #transform;

  constructor(encoding = 'utf-8', options = {}) {
    const { TextDecoder } = require('internal/encoding');
    const decoder = new TextDecoder(encoding, options);
    this.#handle = decoder;
    this.#transform = new TransformStream({
      transform(chunk, controller) {
        const value = decoder.decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush(controller) {
        const value = decoder.decode();
        if (value) controller.enqueue(value);
        controller.terminate();
      },
      cancel() {
        decoder.decode();
      },
    });
  }

  get encoding() {
    return this.#handle.encoding;
  }

  get fatal() {
    return this.#handle.fatal;
  }

  get ignoreBOM() {
    return this.#handle.ignoreBOM;
  }

  get readable() {
    return this.#transform.readable;
  }

  get writable() {
    return this.#transform.writable;
  }

  [inspectCustom](depth, options) {
    const d = this.#handle;
    return customInspect(this, depth, options, 'TextDecoderStream', {
      encoding: d.encoding,
      fatal: d.fatal,
      ignoreBOM: d.ignoreBOM,
      readable: this.#transform.readable,
      writable: this.#transform.writable,
    });
  }
}
defineWebIDL(TextDecoderStream, 'TextDecoderStream',
  ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']);

// ---- CompressionStream / DecompressionStream, on node:zlib's one-shot functions: the input
// is collected and (de)compressed when the writable side closes. As Node's zlib does for inputs
// under its window, a compressor hands out the format's header when the first chunk arrives
// and the rest at the end (DESIGN.md, "Web streams").

const kCompressionFormats = {
  deflate: { header: [0x78, 0x9c], compress: 'deflateSync', decompress: 'inflateSync' },
  'deflate-raw': { header: [], compress: 'deflateRawSync', decompress: 'inflateRawSync' },
  gzip: {
    header: [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3],
    compress: 'gzipSync',
    decompress: 'gunzipSync',
  },
};

function compressionTransform(ctorName, format, compress) {
  const spec = Object.hasOwn(kCompressionFormats, `${format}`) ?
    kCompressionFormats[`${format}`] : undefined;
  if (spec === undefined) {
    throw nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
      `Failed to construct '${ctorName}': 1st argument '${format}' is not a valid enum value ` +
      'of type CompressionFormat.');
  }
  const zlib = require('zlib');
  const { Buffer } = require('buffer');
  const chunks = [];
  let headerSent = false;
  const toBytes = (chunk) => {
    if (ArrayBuffer.isView(chunk)) {
      return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
    throw invalidArgType('chunk', ['Buffer', 'TypedArray', 'DataView'], chunk);
  };
  return new TransformStream({
    transform(chunk, controller) {
      chunks.push(Buffer.from(toBytes(chunk)));
      if (compress && !headerSent && spec.header.length > 0) {
        headerSent = true;
        controller.enqueue(Uint8Array.from(spec.header));
      }
    },
    flush(controller) {
      const input = Buffer.concat(chunks);
      let out;
      try {
        out = zlib[compress ? spec.compress : spec.decompress](input);
      } catch (e) {
        const err = new TypeError();
        err.code = e?.code;
        throw err;
      }
      out = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      if (headerSent) out = out.subarray(spec.header.length);
      if (out.length > 0) controller.enqueue(out.slice());
    },
  });
}

// CompressionStream and DecompressionStream: the same TransformStream wrapper, compressing or
// decompressing.
function compressionStreamClass(name, compress) {
  const Class = {
    [name]: class {
      constructor(format) {
        this[kState] = { brand: name, transform: compressionTransform(name, format, compress) };
      }

      get readable() {
        if (!brand(this, name)) throw invalidThis(name);
        return this[kState].transform.readable;
      }

      get writable() {
        if (!brand(this, name)) throw invalidThis(name);
        return this[kState].transform.writable;
      }

      [inspectCustom](depth, options) {
        return customInspect(this, depth, options, name, {
          readable: this[kState].transform.readable,
          writable: this[kState].transform.writable,
        });
      }
    },
  }[name];
  defineWebIDL(Class, name, ['readable', 'writable']);
  return Class;
}
const CompressionStream = compressionStreamClass('CompressionStream', true);
const DecompressionStream = compressionStreamClass('DecompressionStream', false);

// Byte-stream classes: present (as in Node's export list) but not constructible here.
class ReadableStreamBYOBReader {
  constructor() { throw byteStreamsUnsupported(); }
}
defineWebIDL(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader', []);
class ReadableStreamBYOBRequest {
  constructor() { throw illegalConstructor(); }
}
defineWebIDL(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest', []);
class ReadableByteStreamController {
  constructor() { throw illegalConstructor(); }
}
defineWebIDL(ReadableByteStreamController, 'ReadableByteStreamController', []);

module.exports = {
  ReadableStream,
  ReadableStreamTee,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  CompressionStream,
  DecompressionStream,
};

// Internal helpers for other core modules (not part of node:stream/web).
Object.defineProperty(module.exports, 'internals', {
  enumerable: false,
  value: {
    isReadableStream,
    isReadableStreamLocked,
    isReadableStreamDisturbed: (stream) => stream[kState].disturbed,
    readableStreamState: (stream) => stream[kState].state,
    markByteStream: (stream) => { stream[kState].bytes = true; },
    // A read whose steps run as the spec's read request's do (synchronously).
    readWithSteps: (reader, chunk, close, error) => readableStreamDefaultReaderRead(reader, {
      [kChunk]: chunk, [kClose]: close, [kError]: error,
    }),
    isWritableStream,
    // Node's writableStreamDefaultWriterWriteWithRequest: `writer.write(chunk)` whose write
    // request is `request` (its resolve/reject run when the sink's write settles; `pending`
    // counts them), with no promise; a write that cannot proceed sets `failed`/`failure`.
    writeWithRequest(writer, chunk, request) {
      const stream = writer[kState].stream;
      const s = stream[kState];
      const chunkSize = writableStreamDefaultControllerGetChunkSize(s.controller, chunk);
      if (stream !== writer[kState].stream) {
        request.failed = true;
        request.failure = invalidState('Mismatched WritableStreams');
        return;
      }
      if (s.state === 'errored' || s.state === 'erroring') {
        request.failed = true;
        request.failure = s.storedError;
        return;
      }
      if (writableStreamCloseQueuedOrInFlight(stream) || s.state === 'closed') {
        request.failed = true;
        request.failure = invalidState('WritableStream is closed');
        return;
      }
      s.writeRequests.push(request);
      request.pending++;
      writableStreamDefaultControllerWrite(s.controller, chunk, chunkSize);
    },
    isTransformStream,
    readableStreamCancel,
    createReadableStream,
    createWritableStream,
    readableStreamDefaultControllerEnqueue,
    readableStreamDefaultControllerClose,
    readableStreamDefaultControllerError,
  },
});
