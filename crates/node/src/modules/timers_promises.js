// node:timers/promises — promise versions of the timers, after Node v20's
// lib/timers/promises.js. `setInterval` is an async generator yielding `value` on each tick.
'use strict';
const timeout = globalThis.setTimeout;
const clear = globalThis.clearTimeout;
const immediate = globalThis.setImmediate;
const interval = globalThis.setInterval;
const stopInterval = globalThis.clearInterval;

function validateDelay(delay) {
  if (delay !== undefined && typeof delay !== 'number') {
    throw binding.invalidArgType('delay', 'of type number', delay);
  }
}

function validateOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw binding.invalidArgType('options', 'of type object', options);
  }
  if (options.signal !== undefined) {
    require('internal/abort_controller').validateAbortSignal(options.signal, 'options.signal');
  }
  if (options.ref !== undefined && typeof options.ref !== 'boolean') {
    throw binding.invalidArgType('options.ref', 'of type boolean', options.ref);
  }
}

// Node's AbortError, with the signal's reason as its cause.
function abortError(signal) {
  const { AbortError } = require('internal/abort_controller');
  return new AbortError(undefined, { cause: signal?.reason });
}

function cancelListenerHandler(clearFn, reject, signal) {
  if (!this._destroyed) {
    clearFn(this);
    const { AbortError } = require('internal/abort_controller');
    reject(new AbortError(undefined, { cause: signal?.reason }));
  }
}

// Resolves after `after` ms with `value`; an aborted `options.signal` rejects it with an
// AbortError (its listener removed once the promise settles, as in Node).
function setTimeout(after, value, options = {}) {
  try {
    validateDelay(after);
    validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const t = timeout(resolve, after, value);
    if (options.ref === false) t.unref();
    if (signal) {
      oncancel = cancelListenerHandler.bind(t, clear, reject, signal);
      const { kResistStopPropagation } = require('internal/abort_controller');
      signal.addEventListener('abort', oncancel, { __proto__: null, [kResistStopPropagation]: true });
    }
  });
  return oncancel !== undefined
    ? ret.finally(() => signal.removeEventListener('abort', oncancel))
    : ret;
}

function setImmediate(value, options = {}) {
  try {
    validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const i = immediate(resolve, value);
    if (options.ref === false) i.unref();
    if (signal) {
      oncancel = cancelListenerHandler.bind(i, globalThis.clearImmediate, reject, signal);
      const { kResistStopPropagation } = require('internal/abort_controller');
      signal.addEventListener('abort', oncancel, { __proto__: null, [kResistStopPropagation]: true });
    }
  });
  return oncancel !== undefined
    ? ret.finally(() => signal.removeEventListener('abort', oncancel))
    : ret;
}

async function* setInterval(after, value, options = {}) {
  validateDelay(after);
  validateOptions(options);
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  let onCancel;
  let t;
  try {
    let notYielded = 0;
    let callback;
    t = interval(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after);
    if (options.ref === false) t.unref();
    if (signal) {
      onCancel = () => {
        stopInterval(t);
        if (callback) {
          callback(Promise.reject(abortError(signal)));
          callback = undefined;
        }
      };
      const { kResistStopPropagation } = require('internal/abort_controller');
      signal.addEventListener('abort', onCancel, { __proto__: null, once: true, [kResistStopPropagation]: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) {
        await new Promise((resolve) => callback = resolve);
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
    throw abortError(signal);
  } finally {
    stopInterval(t);
    signal?.removeEventListener('abort', onCancel);
  }
}

const scheduler = {
  wait(delay, options) {
    return setTimeout(delay, undefined, options);
  },
  yield() {
    return setImmediate();
  },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
