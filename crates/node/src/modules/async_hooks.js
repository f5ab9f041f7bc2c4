'use strict';
// node:async_hooks, after Node v24's lib/async_hooks.js and
// lib/internal/async_local_storage/async_context_frame.js (MIT, Copyright Node.js contributors).
// The context frame lives in the engine's continuation data (V8's
// ContinuationPreservedEmbedderData): every promise reaction, job, timer, immediate, tick and
// I/O request captures it when made and restores it when it runs.

const getFrame = binding.getContinuationPreservedEmbedderData;
const setFrame = binding.setContinuationPreservedEmbedderData;

class AsyncContextFrame extends Map {
  constructor(store, data) {
    super(AsyncContextFrame.current());
    this.set(store, data);
  }
  static get enabled() { return true; }
  static current() { return getFrame(); }
  static set(frame) { setFrame(frame); }
  static exchange(frame) {
    const prior = this.current();
    this.set(frame);
    return prior;
  }
  static disable(store) {
    const frame = this.current();
    frame?.disable(store);
  }
  disable(store) { this.delete(store); }
}

const validateFunction = (v, name) => {
  if (typeof v !== 'function') throw binding.invalidArgType(name, 'of type function', v);
};

const async_id_symbol = Symbol('async_id_symbol');
const trigger_async_id_symbol = Symbol('trigger_async_id_symbol');
const contextFrameSymbol = Symbol('context_frame');

class AsyncResource {
  constructor(type, opts = {}) {
    if (typeof type !== 'string') throw binding.invalidArgType('type', 'of type string', type);
    let triggerAsyncId = opts;
    if (typeof opts !== 'number') {
      triggerAsyncId = opts.triggerAsyncId === undefined ?
        binding.executionAsyncId() : opts.triggerAsyncId;
    }
    if (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      throw binding.nodeError('RangeError', 'ERR_INVALID_ASYNC_ID',
                              `Invalid triggerAsyncId value: ${triggerAsyncId}`);
    }
    this[contextFrameSymbol] = AsyncContextFrame.current();
    this[async_id_symbol] = binding.newAsyncId();
    this[trigger_async_id_symbol] = triggerAsyncId;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const saved = binding.enterAsyncScope(this[async_id_symbol], this[trigger_async_id_symbol]);
    const prior = AsyncContextFrame.exchange(this[contextFrameSymbol]);
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      AsyncContextFrame.set(prior);
      binding.exitAsyncScope(saved[0], saved[1]);
    }
  }

  emitDestroy() { return this; }
  asyncId() { return this[async_id_symbol]; }
  triggerAsyncId() { return this[trigger_async_id_symbol]; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        args.unshift(fn, this);
        return Reflect.apply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      'length': { __proto__: null, configurable: true, enumerable: false, value: fn.length, writable: false },
      'asyncResource': {
        __proto__: null, configurable: true, enumerable: true,
        get() { return self; },
        set(val) { self = val; },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type ||= fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

class RunScope {
  #storage;
  #previousStore;
  #disposed = false;
  constructor(storage, store) {
    this.#storage = storage;
    this.#previousStore = storage.getStore();
    storage.enterWith(store);
  }
  dispose() {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#storage.enterWith(this.#previousStore);
  }
  [Symbol.dispose]() { this.dispose(); }
}

class AsyncLocalStorage {
  #defaultValue = undefined;
  #name = undefined;

  constructor(options = {}) {
    if (options === null || typeof options !== 'object') {
      throw binding.invalidArgType('options', 'of type object', options);
    }
    this.#defaultValue = options.defaultValue;
    if (options.name !== undefined) this.#name = `${options.name}`;
  }

  static bind(fn) { return AsyncResource.bind(fn); }
  static snapshot() { return AsyncResource.bind((cb, ...args) => cb(...args)); }

  get name() { return this.#name; }

  disable() { AsyncContextFrame.disable(this); }

  enterWith(data) {
    const frame = new AsyncContextFrame(this, data);
    AsyncContextFrame.set(frame);
  }

  run(data, fn, ...args) {
    const prior = this.getStore();
    if (Object.is(prior, data)) return Reflect.apply(fn, null, args);
    this.enterWith(data);
    try {
      return Reflect.apply(fn, null, args);
    } finally {
      this.enterWith(prior);
    }
  }

  exit(fn, ...args) { return this.run(undefined, fn, ...args); }

  getStore() {
    const frame = AsyncContextFrame.current();
    if (!frame?.has(this)) return this.#defaultValue;
    return frame?.get(this);
  }

  withScope(store) { return new RunScope(this, store); }
}

// createHook: the hook object as Node's; jsgen calls no hooks (init/before/after/destroy/
// promiseResolve never run), so enable/disable only return it.
const hook_fields = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
const hookSymbols = Object.fromEntries(hook_fields.map((n) => [n, Symbol(n)]));
const kNoPromiseHook = Symbol('kNoPromiseHook');
class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve, trackPromises } = {}) {
    const fns = { init, before, after, destroy, promiseResolve };
    for (const n of hook_fields) {
      if (fns[n] !== undefined && typeof fns[n] !== 'function') {
        throw binding.nodeError('TypeError', 'ERR_ASYNC_CALLBACK', `hook.${n} must be a function`);
      }
      this[hookSymbols[n]] = fns[n];
    }
    this[kNoPromiseHook] = trackPromises === false;
  }
  enable() { return this; }
  disable() { return this; }
}

function createHook(fns) { return new AsyncHook(fns); }
function executionAsyncId() { return binding.executionAsyncId(); }
function triggerAsyncId() { return binding.triggerAsyncId(); }
const topLevelResource = {};
function executionAsyncResource() { return topLevelResource; }

const asyncWrapProviders = Object.freeze({ __proto__: null,
  NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3, FILEHANDLE: 4, FILEHANDLECLOSEREQ: 5,
  BLOBREADER: 6, FSEVENTWRAP: 7, FSREQCALLBACK: 8, FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10,
  GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12, HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15,
  HTTP2SETTINGS: 16, HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, LOCKS: 19, JSSTREAM: 20,
  JSUDPWRAP: 21, MESSAGEPORT: 22, PIPECONNECTWRAP: 23, PIPESERVERWRAP: 24, PIPEWRAP: 25,
  PROCESSWRAP: 26, PROMISE: 27, QUERYWRAP: 28, QUIC_ENDPOINT: 29, QUIC_LOGSTREAM: 30,
  QUIC_SESSION: 31, QUIC_STREAM: 32, QUIC_UDP: 33, SHUTDOWNWRAP: 34, SIGNALWRAP: 35,
  STATWATCHER: 36, STREAMPIPE: 37, TCPCONNECTWRAP: 38, TCPSERVERWRAP: 39, TCPWRAP: 40,
  TTYWRAP: 41, UDPSENDWRAP: 42, UDPWRAP: 43, SIGINTWATCHDOG: 44, WORKER: 45,
  WORKERCPUPROFILE: 46, WORKERCPUUSAGE: 47, WORKERHEAPPROFILE: 48, WORKERHEAPSNAPSHOT: 49,
  WORKERHEAPSTATISTICS: 50, WRITEWRAP: 51, ZLIB: 52, CHECKPRIMEREQUEST: 53, PBKDF2REQUEST: 54,
  KEYPAIRGENREQUEST: 55, KEYGENREQUEST: 56, KEYEXPORTREQUEST: 57, ARGON2REQUEST: 58,
  CIPHERREQUEST: 59, DERIVEBITSREQUEST: 60, HASHREQUEST: 61, RANDOMBYTESREQUEST: 62,
  RANDOMPRIMEREQUEST: 63, SCRYPTREQUEST: 64, SIGNREQUEST: 65, TLSWRAP: 66, VERIFYREQUEST: 67 });

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
