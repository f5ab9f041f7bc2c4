'use strict';
// Node 24's lib/internal/webstreams/adapters.js: `Readable.toWeb/fromWeb`,
// `Writable.toWeb/fromWeb`, `Duplex.toWeb/fromWeb` between node:stream and jsgen's web streams
// (internal/webstreams). The same algorithms and promise/tick positions: one reused read
// request per adapted Readable (chunks forwarded in a microtask), one write tracker settled
// synchronously from the WritableStream's write requests.

const Stream = require('stream');
const { Writable, Readable, Duplex } = Stream;
const { eos } = Stream._jsgen;
const {
  ReadableStream,
  WritableStream,
  CountQueuingStrategy,
  ByteLengthQueuingStrategy,
} = require('internal/webstreams');
const {
  isReadableStream,
  isWritableStream,
  readWithSteps,
  writeWithRequest,
} = require('internal/webstreams').internals;
const { Buffer } = require('buffer');
const { AbortError } = require('internal/abort_controller');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  nodeError,
  normalizeEncoding,
  validateBoolean,
  validateObject,
} = require('internal/errors');

const encoder = new TextEncoder();
const kResolvedPromise = Promise.resolve();
const kEmptyObject = Object.freeze({ __proto__: null });
const noop = () => {};

// A stream's destroy callback, called once the web stream is closed; an exception it
// throws is rethrown on the next tick (Node's adapters do this in each of their destroy
// implementations).
function runDestroyCallback(callback, error) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => { throw err; });
  }
}

function prematureClose() {
  return nodeError('Error', 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close');
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw new ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
  }
}

function destroy(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  stream.destroy(err);
}

// lib/internal/streams/utils.js
function isReadableNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!obj._writableState || obj._readableState?.readable !== false) &&
    (!obj._writableState || obj._readableState));
}
function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || obj._writableState?.writable !== false));
}
function isDestroyed(stream) {
  if (!isReadableNodeStream(stream) && !isWritableNodeStream(stream)) return null;
  const wState = stream._writableState;
  const rState = stream._readableState;
  const state = wState || rState;
  return !!(stream.destroyed || state?.destroyed);
}
function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const wState = stream._writableState;
  if (wState?.errored) return false;
  if (typeof wState?.ended !== 'boolean') return null;
  return wState.ended;
}
function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const rState = stream._readableState;
  if (rState?.errored) return false;
  if (typeof rState?.endEmitted !== 'boolean') return null;
  return !!(rState.endEmitted || (strict === false && rState.ended === true && rState.length === 0));
}
function isReadable(stream) {
  if (typeof stream?.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}
function isWritable(stream) {
  if (typeof stream?.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function handleKnownInternalErrors(cause) {
  const causeCode = cause?.code;
  if (causeCode === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new AbortError(undefined, { cause });
  }
  if (causeCode != null && (causeCode === 'Z_NEED_DICT' || /^Z_[A-Z_]+_ERROR$/.test(causeCode) ||
      causeCode === 'Z_ERRNO' || `${causeCode}`.startsWith('ERR__ERROR_'))) {
    const error = new TypeError(undefined, { cause });
    Object.defineProperty(error, 'code', {
      __proto__: null, value: causeCode, writable: true, enumerable: true, configurable: true,
    });
    return error;
  }
  return cause;
}

function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

// One write request for every chunk written to the destination WritableStream; only one
// write/writev batch is in flight at a time.
function createWriteTracker(getDestination) {
  return {
    promise: null,
    pending: 0,
    failed: false,
    failure: undefined,
    callback: undefined,
    error: undefined,
    hasError: false,
    dispatching: false,
    resolve() {
      this.pending--;
      if (!this.dispatching && this.pending === 0 && this.callback !== undefined) {
        this.settle();
      }
    },
    reject(error) {
      this.pending--;
      if (!this.hasError) {
        this.hasError = true;
        this.error = error;
      }
      if (!this.dispatching && this.pending === 0 && this.callback !== undefined) {
        this.settle();
      }
    },
    settle() {
      const callback = this.callback;
      this.callback = undefined;
      let error;
      if (this.hasError) {
        error = this.error;
        this.hasError = false;
        this.error = undefined;
      } else if (this.failed) {
        error = this.failure;
      }
      this.failed = false;
      this.failure = undefined;
      if (error !== undefined) {
        kResolvedPromise.then(() => {
          try {
            callback(error);
          } catch (err) {
            process.nextTick(() => destroy(getDestination(), err));
          }
        });
        return;
      }
      try {
        callback(error);
      } catch (err) {
        process.nextTick(() => destroy(getDestination(), err));
      }
    },
  };
}

function dispatchWrite(writer, chunk, tracker) {
  tracker.dispatching = true;
  writeWithRequest(writer, chunk, tracker);
  tracker.dispatching = false;
  if (tracker.pending === 0) tracker.settle();
}

function dispatchWritev(writer, chunks, tracker) {
  tracker.dispatching = true;
  for (let i = 0; i < chunks.length; i++) writeWithRequest(writer, chunks[i].chunk, tracker);
  tracker.dispatching = false;
  if (tracker.pending === 0) tracker.settle();
}

function encodeChunk(chunk, encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === 'utf8') return encoder.encode(chunk);
  const b = Buffer.from(chunk, encoding);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function isAnyArrayBuffer(v) {
  const k = binding.kindOf(v);
  return k === 'arraybuffer' || k === 'sharedarraybuffer';
}

function newWritableStreamFromStreamWritable(streamWritable, options = kEmptyObject) {
  const checkIfWritableOrOutgoingMessage =
    streamWritable &&
    typeof streamWritable?.write === 'function' &&
    typeof streamWritable?.on === 'function';
  if (!checkIfWritableOrOutgoingMessage) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }

  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }

  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy =
    streamWritable.writableObjectMode ?
      new CountQueuingStrategy({ highWaterMark }) :
      {
        highWaterMark,
        size(chunk) {
          return chunk?.byteLength ?? chunk?.length ?? 1;
        },
      };

  let controller;
  let backpressurePromise;
  let closed;

  function onDrain() {
    backpressurePromise?.resolve();
  }

  const cleanup = eos(streamWritable, (error) => {
    error = handleKnownInternalErrors(error);
    cleanup();
    // Against legacy streams that emit 'error' again after finished.
    streamWritable.on('error', () => {});
    if (error != null) {
      backpressurePromise?.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller?.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller?.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) { controller = c; },

    write(chunk) {
      if (!streamWritable.writableObjectMode && isAnyArrayBuffer(chunk)) {
        chunk = new Uint8Array(chunk);
      }
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = withResolvers();
        if (!streamWritable.writableNeedDrain) {
          backpressurePromise.resolve();
        }
        return backpressurePromise.promise.finally(() => {
          backpressurePromise = undefined;
        });
      }
    },

    abort(reason) {
      destroy(streamWritable, reason);
    },

    close() {
      if (closed === undefined && !isWritableEnded(streamWritable)) {
        closed = withResolvers();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

function newStreamWritableFromWritableStream(writableStream, options = kEmptyObject) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }

  validateObject(options, 'options');
  const {
    highWaterMark,
    decodeStrings = true,
    objectMode = false,
    signal,
  } = options;

  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  const writer = writableStream.getWriter();
  let closed = false;
  const writeTracker = createWriteTracker(() => writable);

  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      writeTracker.callback = callback;
      dispatchWritev(writer, chunks, writeTracker);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = encodeChunk(chunk, encoding);
      }
      writeTracker.callback = callback;
      dispatchWrite(writer, chunk, writeTracker);
    },

    destroy(error, callback) {
      const done = () => runDestroyCallback(callback, error);
      if (!closed) {
        if (error != null) {
          writer.abort(error).then(done, done);
        } else {
          writer.close().then(done, done);
        }
        return;
      }
      done();
    },

    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (error) {
          process.nextTick(() => destroy(writable, error));
        }
      }
      if (!closed) {
        writer.close().then(done, done);
      }
    },
  });

  writer.closed.then(
    () => {
      // The WritableStream closed before the Writable ended.
      closed = true;
      if (!isWritableEnded(writable)) destroy(writable, prematureClose());
    },
    (error) => {
      closed = true;
      destroy(writable, error);
    });

  return writable;
}

const kErrorSentinelAttached = Symbol('kErrorSentinelAttached');

function newReadableStreamFromStreamReadable(streamReadable, options = kEmptyObject) {
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  if (options.type !== undefined) {
    validateOneOf(options.type, 'options.type', ['bytes', undefined]);
  }

  const isBYOB = options.type === 'bytes';
  let controller;
  let wasCanceled = false;
  let strategy;

  const underlyingSource = {
    __proto__: null,
    type: isBYOB ? 'bytes' : undefined,
    start(c) { controller = c; },
    cancel(reason) {
      wasCanceled = true;
      destroy(streamReadable, reason);
    },
  };

  const readable = isReadable(streamReadable);
  const objectMode = streamReadable.readableObjectMode;
  if (readable) {
    underlyingSource.pull = function pull() {
      streamReadable.resume();
    };
    const highWaterMark = streamReadable.readableHighWaterMark;
    strategy = isBYOB ? { highWaterMark } :
      options.strategy ?? new (objectMode ? CountQueuingStrategy : ByteLengthQueuingStrategy)({ highWaterMark });
  }
  const readableStream = new ReadableStream(underlyingSource, strategy);

  // Readable completion does not wait for a half-open writable side.
  let cleanup = noop;
  const onEos = (error) => {
    error = handleKnownInternalErrors(error);
    cleanup();
    if (!(kErrorSentinelAttached in streamReadable)) {
      // Against legacy streams that emit 'error' again after finished.
      streamReadable.on('error', noop);
      streamReadable[kErrorSentinelAttached] = true;
    }
    if (wasCanceled) return;
    wasCanceled = true;
    if (error) return controller.error(error);
    controller.close();
    if (isBYOB) controller.byobRequest?.respond(0);
  };
  // Node settles at once (kEosNodeSynchronousCallback) when the stream is already done.
  const immediate = eosImmediateResult(streamReadable);
  if (immediate !== undefined) {
    streamReadable.on('error', noop);
    onEos(immediate === null ? undefined : immediate);
  } else {
    cleanup = eos(streamReadable, { writable: false }, onEos);
  }

  if (wasCanceled) {
    cleanup();
  } else if (readable) {
    streamReadable.pause();

    streamReadable.on('data', function onData(chunk) {
      if (wasCanceled) return;
      // Copy the Buffer to detach it from the pool.
      if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
      controller.enqueue(chunk);
      if (controller.desiredSize <= 0) streamReadable.pause();
    });
  }

  return readableStream;
}

// The `immediateResult` of Node's eos() for a readable-only watch (undefined: not settled
// yet; null: finished without error; else the error).
function eosImmediateResult(stream) {
  const wState = stream._writableState;
  const rState = stream._readableState;
  const closed = !!(wState?.closed || rState?.closed);
  const readableFinished = isReadableFinished(stream, false);
  const errored = () => {
    const e = wState?.errored || rState?.errored;
    return e && typeof e !== 'boolean' ? e : null;
  };
  if (closed) {
    const e = errored();
    if (e) return e;
    if (isReadableNodeStream(stream) && !readableFinished && !rState?.endEmitted) {
      return prematureClose();
    }
    return null;
  }
  const willEmitClose = rState?.autoDestroy && rState?.emitClose && rState?.closed === false;
  if (wState?.errorEmitted || rState?.errorEmitted) {
    return willEmitClose ? undefined : errored();
  }
  if ((!willEmitClose || isWritable(stream)) && (readableFinished || isReadable(stream) === false)) {
    return errored();
  }
  return undefined;
}

function newStreamReadableFromReadableStream(readableStream, options = kEmptyObject) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }

  validateObject(options, 'options');
  const {
    highWaterMark,
    encoding,
    objectMode = false,
    signal,
  } = options;

  if (encoding !== undefined && !Buffer.isEncoding(encoding))
    throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  validateBoolean(objectMode, 'options.objectMode');

  const reader = readableStream.getReader();
  let closed = false;
  let pendingChunk;

  function forwardChunk() {
    const chunk = pendingChunk;
    pendingChunk = undefined;
    readable.push(chunk);
  }

  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,

    read() {
      // One read in flight; the chunk is pushed in a microtask, where Node's reused read
      // request puts it.
      readWithSteps(reader,
        (chunk) => {
          pendingChunk = chunk;
          kResolvedPromise.then(forwardChunk);
        },
        () => { readable.push(null); },
        (error) => { destroy(readable, error); });
    },

    destroy(error, callback) {
      const done = () => runDestroyCallback(callback, error);
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });

  reader.closed.then(
    () => {
      closed = true;
    },
    (error) => {
      closed = true;
      destroy(readable, error);
    });

  return readable;
}

function newReadableWritablePairFromDuplex(duplex, options = kEmptyObject) {
  if (typeof duplex?._writableState !== 'object' ||
      typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }

  validateObject(options, 'options');

  const readableOptions = {
    __proto__: null,
    // DEP0201: 'options.type' is a deprecated alias for 'options.readableType'.
    type: options.readableType ?? options.type,
  };

  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream({ type: readableOptions.type });
    writable.close();
    readable.cancel();
    return { readable, writable };
  }

  const writable =
    isWritable(duplex) ?
      newWritableStreamFromStreamWritable(duplex) :
      new WritableStream();

  if (!isWritable(duplex)) writable.close();

  const readable =
    isReadable(duplex) ?
      newReadableStreamFromStreamReadable(duplex, readableOptions) :
      new ReadableStream({ type: readableOptions.type });

  if (!isReadable(duplex)) readable.cancel();

  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = kEmptyObject, options = kEmptyObject) {
  validateObject(pair, 'pair');
  const {
    readable: readableStream,
    writable: writableStream,
  } = pair;

  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }

  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;

  validateBoolean(objectMode, 'options.objectMode');
  if (encoding !== undefined && !Buffer.isEncoding(encoding))
    throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  let pendingChunk;
  const writeTracker = createWriteTracker(() => duplex);

  function forwardChunk() {
    const chunk = pendingChunk;
    pendingChunk = undefined;
    duplex.push(chunk);
  }

  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      writeTracker.callback = callback;
      dispatchWritev(writer, chunks, writeTracker);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = encodeChunk(chunk, encoding);
      }
      writeTracker.callback = callback;
      dispatchWrite(writer, chunk, writeTracker);
    },

    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (error) {
          process.nextTick(() => destroy(duplex, error));
        }
      }
      if (!writableClosed) {
        writer.close().then(done, done);
      }
    },

    read() {
      readWithSteps(reader,
        (chunk) => {
          pendingChunk = chunk;
          kResolvedPromise.then(forwardChunk);
        },
        () => { duplex.push(null); },
        (error) => { destroy(duplex, error); });
    },

    destroy(error, callback) {
      const done = () => runDestroyCallback(callback, error);
      async function closeWriter() {
        if (!writableClosed) await writer.abort(error);
      }
      async function closeReader() {
        if (!readableClosed) await reader.cancel(error);
      }
      if (!writableClosed || !readableClosed) {
        Promise.all([closeWriter(), closeReader()]).then(() => {}).then(done, done);
        return;
      }
      done();
    },
  });

  writer.closed.then(
    () => {
      writableClosed = true;
      if (!isWritableEnded(duplex)) destroy(duplex, prematureClose());
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  reader.closed.then(
    () => {
      readableClosed = true;
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  return duplex;
}

module.exports = {
  newWritableStreamFromStreamWritable,
  newReadableStreamFromStreamReadable,
  newStreamWritableFromWritableStream,
  newStreamReadableFromReadableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
