// node:events — EventEmitter, after Node v20's lib/events.js (same fields, so inspect output
// matches: _events, _eventsCount, _maxListeners, Symbol(shapeMode), Symbol(kCapture)).
'use strict';
const kCapture = Symbol('kCapture');
const kShapeMode = Symbol('shapeMode');
const kEmitting = Symbol('events.emitting');
let defaultMaxListeners = 10;

function checkListener(listener) {
  if (typeof listener !== 'function') {
    throw binding.invalidArgType('listener', 'of type function', listener);
  }
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  configurable: true,
  get() { return defaultMaxListeners; },
  set(arg) {
    if (typeof arg !== 'number' || arg < 0 || Number.isNaN(arg)) {
      throw new RangeError('The value of "defaultMaxListeners" is out of range. It must be a non-negative number. Received ' + binding.inspect(arg));
    }
    defaultMaxListeners = arg;
  },
});
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
EventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');

EventEmitter.init = function (opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    if (typeof opts.captureRejections !== 'boolean') {
      throw binding.invalidArgType('options.captureRejections', 'of type boolean', opts.captureRejections);
    }
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
    throw new RangeError('The value of "n" is out of range. It must be a non-negative number. Received ' + binding.inspect(n));
  }
  this._maxListeners = n;
  return this;
};

function _getMaxListeners(that) {
  if (that._maxListeners === undefined) return defaultMaxListeners;
  return that._maxListeners;
}
EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return _getMaxListeners(this);
};

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = (type === 'error');
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[EventEmitter.errorMonitor] !== undefined) this.emit(EventEmitter.errorMonitor, ...args);
    doError = (doError && events.error === undefined);
  } else if (!doError) return false;
  if (doError) {
    let er;
    if (args.length > 0) er = args[0];
    if (er instanceof Error) {
      throw er;
    }
    let stringifiedEr;
    try { stringifiedEr = binding.inspect(er); } catch { stringifiedEr = er; }
    const err = new Error('Unhandled error. (' + stringifiedEr + ')');
    err.code = 'ERR_UNHANDLED_ERROR';
    err.context = er;
    throw err;
  }
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    const result = Reflect.apply(handler, this, args);
    if (result !== undefined && result !== null) addCatch(this, result, type, args);
  } else {
    // Node 24: listener arrays are copied on write while an emit walks them (kEmitting counts
    // the walks), instead of copied on every emit.
    handler[kEmitting]++;
    try {
      for (let i = 0; i < handler.length; ++i) {
        const result = Reflect.apply(handler[i], this, args);
        if (result !== undefined && result !== null) addCatch(this, result, type, args);
      }
    } finally {
      handler[kEmitting]--;
    }
  }
  return true;
};

// captureRejections: a listener's rejected promise becomes an 'error' event (or a call of
// the emitter's [Symbol.for('nodejs.rejection')] method), on the next tick.
function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      Reflect.apply(then, promise, [undefined, function (err) {
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      }]);
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[EventEmitter.captureRejectionSymbol] === 'function') {
    ee[EventEmitter.captureRejectionSymbol](err, type, ...args);
  } else {
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

function _addListener(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      events = target._events;
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = prepend ? [listener, existing] : [existing, listener];
      existing[kEmitting] = 0;
      events[type] = existing;
    } else {
      existing = ensureMutableListenerArray(events, type, existing);
      if (prepend) existing.unshift(listener);
      else existing.push(listener);
    }
    const m = _getMaxListeners(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      // Node's genericNodeError: an Error carrying the emitter, the event type and the count.
      const w = new Error('Possible EventEmitter memory leak detected. ' +
        existing.length + ' ' + String(type) + ' listeners added to ' +
        binding.inspect(target, { depth: -1 }) + '. MaxListeners is ' + m +
        '. Use emitter.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      process.emitWarning(w);
    }
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return _addListener(this, type, listener, true);
};

// As Node 24's lib/events.js: a closure named `wrapper` (Node 20 bound `onceWrapper`).
function _onceWrap(target, type, listener) {
  let fired = false;
  function wrapper(...args) {
    if (fired) return;
    fired = true;
    target.removeListener(type, wrapper);
    return Reflect.apply(listener, target, args);
  }
  wrapper.listener = listener;
  return wrapper;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, _onceWrap(this, type, listener));
  return this;
};
EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, _onceWrap(this, type, listener));
  return this;
};

function cloneEventListenerArray(arr) {
  const copy = arr.slice();
  copy[kEmitting] = 0;
  if (arr.warned) copy.warned = true;
  return copy;
}

function ensureMutableListenerArray(events, type, handler) {
  if (handler[kEmitting] > 0) {
    const copy = cloneEventListenerArray(handler);
    events[type] = copy;
    return copy;
  }
  return handler;
}

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  let list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
    }
    if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    list = ensureMutableListenerArray(events, type, list);
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function _listeners(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const evlistener = events[type];
  if (evlistener === undefined) return [];
  if (typeof evlistener === 'function') return unwrap ? [evlistener.listener || evlistener] : [evlistener];
  return unwrap ? evlistener.map((l) => l.listener || l) : evlistener.slice();
}

EventEmitter.prototype.listeners = function listeners(type) {
  return _listeners(this, type, true);
};
EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return _listeners(this, type, false);
};

EventEmitter.prototype.listenerCount = function listenerCount(type, listener) {
  const events = this._events;
  if (events !== undefined) {
    const evlistener = events[type];
    if (typeof evlistener === 'function') {
      if (listener != null) return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      return 1;
    } else if (evlistener !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (const l of evlistener) if (l === listener || l.listener === listener) matching++;
        return matching;
      }
      return evlistener.length;
    }
  }
  return 0;
};

// events.listenerCount(emitterOrTarget, type) (deprecated, as Node's): an EventTarget's
// count too, and Node's ERR_INVALID_ARG_TYPE for anything else.
function listenerCount(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listenerCount === 'function') {
    return emitterOrTarget.listenerCount(type);
  }
  const et = require('internal/event_target');
  if (et.isEventTarget(emitterOrTarget)) {
    return emitterOrTarget[et.kEvents].get(type)?.size ?? 0;
  }
  throw binding.invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitterOrTarget);
}
EventEmitter.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

function abortController() {
  return require('internal/abort_controller');
}

function validateOnceOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw binding.invalidArgType('options', 'of type object', options);
  }
  const { signal } = options;
  if (signal !== undefined) abortController().validateAbortSignal(signal, 'options.signal');
  return signal;
}

function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw binding.invalidArgType('emitter', 'an instance of EventEmitter', emitter);
  }
}

function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw binding.invalidArgType('emitter', 'an instance of EventEmitter', emitter);
  }
}

// events.once(emitter, name, { signal }): a promise of the arguments of the next event
// (rejects on 'error' and with an AbortError when the signal aborts). Works on an
// EventTarget too (the value is then [event]).
async function once(emitter, name, options = {}) {
  const signal = validateOnceOptions(options);
  if (signal?.aborted) {
    throw new (abortController().AbortError)(undefined, { cause: signal?.reason });
  }
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', errorListener);
      }
      if (signal != null) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      resolve(args);
    };
    const kResist = signal != null || typeof emitter.addEventListener === 'function'
      ? abortController().kResistStopPropagation : undefined;
    const opts = { __proto__: null, once: true };
    if (kResist) opts[kResist] = true;
    eventTargetAgnosticAddListener(emitter, name, resolver, opts);
    if (name !== 'error' && typeof emitter.once === 'function') {
      emitter.once('error', errorListener);
    }
    function abortListener() {
      eventTargetAgnosticRemoveListener(emitter, name, resolver);
      eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
      reject(new (abortController().AbortError)(undefined, { cause: signal?.reason }));
    }
    if (signal != null) {
      eventTargetAgnosticAddListener(signal, 'abort', abortListener,
        { __proto__: null, once: true, [kResist]: true });
    }
  });
}

// events.on(emitter, name, { signal }): an async iterator over the arguments of each event
// (an EventTarget's events as [event]); an aborted signal ends it with an AbortError.
const kWatermarkData = Symbol.for('nodejs.watermarkData');

// events.on (Node 24): the async iterator of `event`; `close` names events that end it, and
// with `highWaterMark` the emitter is paused while more events wait than that (resumed below
// `lowWaterMark`).
function on(emitter, event, options = {}) {
  const signal = validateOnceOptions(options);
  if (signal?.aborted) {
    throw new (abortController().AbortError)(undefined, { cause: signal?.reason });
  }
  const { validateInteger } = require('internal/errors');
  const highWatermark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1);
  const lowWatermark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1);
  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let paused = false;
  let error = null;
  let finished = false;
  const listeners = [];
  const addListener = (target, name, handler, flags) => {
    eventTargetAgnosticAddListener(target, name, handler, flags);
    listeners.push([target, name, handler, flags]);
  };
  const removeAll = () => {
    while (listeners.length > 0) eventTargetAgnosticRemoveListener(...listeners.pop());
  };
  const eventHandler = (value) => {
    if (unconsumedPromises.length === 0) {
      if (!paused && unconsumedEvents.length + 1 > highWatermark) {
        paused = true;
        emitter.pause();
      }
      unconsumedEvents.push(value);
    } else {
      unconsumedPromises.shift().resolve({ value, done: false });
    }
  };
  const closeHandler = () => {
    if (signal) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
    removeAll();
    finished = true;
    paused = false;
    const done = { value: undefined, done: true };
    while (unconsumedPromises.length > 0) unconsumedPromises.shift().resolve(done);
    return Promise.resolve(done);
  };
  const errorHandler = (err) => {
    if (unconsumedPromises.length === 0) error = err;
    else unconsumedPromises.shift().reject(err);
    closeHandler();
  };
  const abortListener = () => {
    errorHandler(new (abortController().AbortError)(undefined, { cause: signal?.reason }));
  };
  const iterator = Object.setPrototypeOf({
    next() {
      if (unconsumedEvents.length) {
        const value = unconsumedEvents.shift();
        if (paused && unconsumedEvents.length < lowWatermark) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve({ value, done: false });
      }
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise((resolve, reject) => unconsumedPromises.push({ resolve, reject }));
    },
    return() {
      return closeHandler();
    },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw binding.invalidArgType('EventEmitter.AsyncIterator', 'an instance of Error', err);
      }
      errorHandler(err);
    },
    [Symbol.asyncIterator]() { return this; },
    [kWatermarkData]: {
      get size() { return unconsumedEvents.length; },
      get low() { return lowWatermark; },
      get high() { return highWatermark; },
      get isPaused() { return paused; },
    },
  }, binding.asyncIteratorPrototype);
  addListener(emitter, event, (...args) => eventHandler(args));
  if (event !== 'error' && typeof emitter.on === 'function') addListener(emitter, 'error', errorHandler);
  const closeEvents = options?.close;
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) addListener(emitter, closeEvents[i], closeHandler);
  }
  if (signal) {
    eventTargetAgnosticAddListener(signal, 'abort', abortListener,
      { __proto__: null, once: true, [abortController().kResistStopPropagation]: true });
  }
  return iterator;
}

// events.setMaxListeners(n, ...eventTargets): the default, or the limit of each
// EventEmitter/EventTarget given (an AbortSignal shared by many operations, typically).
// (Anonymous, as Node's: inspect prints `[Function (anonymous)]`.)
EventEmitter.setMaxListeners = function (n = defaultMaxListeners, ...eventTargets) {
  if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
    throw binding.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
      'The value of "n" is out of range. It must be a non-negative number. Received ' + binding.inspect(n));
  }
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  const et = require('internal/event_target');
  for (const target of eventTargets) {
    if (et.isEventTarget(target)) {
      target[et.kMaxEventTargetListeners] = n;
      target[et.kMaxEventTargetListenersWarned] = false;
    } else if (typeof target?.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw binding.invalidArgType('eventTargets', 'an instance of EventEmitter or EventTarget', target);
    }
  }
};

// events.getMaxListeners(emitterOrTarget)
EventEmitter.getMaxListeners = function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return _getMaxListeners(emitterOrTarget);
  }
  const et = require('internal/event_target');
  if (et.isEventTarget(emitterOrTarget)) return emitterOrTarget[et.kMaxEventTargetListeners];
  throw binding.invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitterOrTarget);
};

EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.getEventListeners = function getEventListeners(emitter, type) {
  if (typeof emitter.listeners === 'function') return emitter.listeners(type);
  const et = require('internal/event_target');
  if (et.isEventTarget(emitter)) return et.getEventTargetListeners(emitter, type);
  throw binding.invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitter);
};
// events.addAbortListener(signal, listener): `listener` runs once when `signal` aborts (in a
// microtask if it already has), even if another listener stops propagation; the result's
// [Symbol.dispose]() removes it.
EventEmitter.addAbortListener = function addAbortListener(signal, listener) {
  if (signal === undefined) throw binding.invalidArgType('signal', 'an instance of AbortSignal', signal);
  abortController().validateAbortSignal(signal, 'signal');
  if (typeof listener !== 'function') throw binding.invalidArgType('listener', 'of type function', listener);
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener,
      Object.freeze({ __proto__: null, once: true, [abortController().kResistStopPropagation]: true }));
    removeEventListener = () => signal.removeEventListener('abort', listener);
  }
  return {
    __proto__: null,
    [Symbol.dispose]() {
      removeEventListener?.();
    },
  };
};
// The default for emitters made without the option (a boolean, kept on the prototype).
Object.defineProperty(EventEmitter.prototype, kCapture, { value: false, writable: true });
Object.defineProperty(EventEmitter, 'captureRejections', {
  get() { return EventEmitter.prototype[kCapture]; },
  set(value) {
    if (typeof value !== 'boolean') throw binding.invalidArgType('EventEmitter.captureRejections', 'of type boolean', value);
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
  configurable: true,
});
// events.EventEmitterAsyncResource: an emitter whose listeners run in the async scope of
// its construction (async_hooks' AsyncResource, so AsyncLocalStorage sees that context).
// Made on first use, as in Node, so that loading events does not load async_hooks.
let EventEmitterAsyncResource;
function lazyEventEmitterAsyncResource() {
  if (EventEmitterAsyncResource !== undefined) return EventEmitterAsyncResource;
  const { AsyncResource } = require('async_hooks');
  class EventEmitterReferencingAsyncResource extends AsyncResource {
    #eventEmitter;
    constructor(ee, type, options) {
      super(type, options);
      this.#eventEmitter = ee;
    }
    get eventEmitter() {
      return this.#eventEmitter;
    }
  }
  EventEmitterAsyncResource = class EventEmitterAsyncResource extends EventEmitter {
    #asyncResource;
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource && typeof options?.name !== 'string') {
          throw binding.invalidArgType('options.name', 'of type string', options?.name);
        }
        name = options?.name || new.target.name;
      }
      super(options);
      this.#asyncResource = new EventEmitterReferencingAsyncResource(this, name, options);
    }
    emit(event, ...args) {
      const asyncResource = this.#asyncResource;
      args.unshift(super.emit, this, event);
      return Reflect.apply(asyncResource.runInAsyncScope, asyncResource, args);
    }
    emitDestroy() {
      this.#asyncResource.emitDestroy();
    }
    get asyncId() {
      return this.#asyncResource.asyncId();
    }
    get triggerAsyncId() {
      return this.#asyncResource.triggerAsyncId();
    }
    get asyncResource() {
      return this.#asyncResource;
    }
  };
  return EventEmitterAsyncResource;
}
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  enumerable: true,
  get: lazyEventEmitterAsyncResource,
  set: undefined,
  configurable: true,
});

// The static properties in Node's order (what `console.log(require('events'))` shows).
for (const key of ['addAbortListener', 'once', 'on', 'getEventListeners', 'getMaxListeners',
  'listenerCount', 'EventEmitter', 'usingDomains', 'captureRejectionSymbol', 'captureRejections',
  'EventEmitterAsyncResource', 'errorMonitor', 'defaultMaxListeners', 'setMaxListeners', 'init']) {
  const desc = Object.getOwnPropertyDescriptor(EventEmitter, key);
  if (desc === undefined) continue;
  delete EventEmitter[key];
  // Made configurable for this reordering only; Node's accessors are not.
  if ('get' in desc && key !== 'EventEmitterAsyncResource') desc.configurable = false;
  Object.defineProperty(EventEmitter, key, desc);
}
// `process` is an EventEmitter, as in Node: its prototype (`process.constructor.prototype`)
// inherits from EventEmitter.prototype. Its methods are its own (native) ones. So are
// `process.stdout` and `process.stderr` before node:stream makes them Writables: their
// prototype's members (each one loads node:stream when first read) shadow
// EventEmitter.prototype's.
for (const emitter of [process, process.stdout, process.stderr]) {
  const proto = Object.getPrototypeOf(emitter);
  if (proto !== Object.prototype && Object.getPrototypeOf(proto) === Object.prototype) {
    Object.setPrototypeOf(proto, EventEmitter.prototype);
  }
}
module.exports = EventEmitter;
