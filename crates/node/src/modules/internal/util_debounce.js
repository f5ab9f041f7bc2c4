'use strict';
// util.debounce (Node 24's lib/internal/util/debounce.js), the value of the `util.debounce`
// getter, loaded on its first read: calls within `wait` ms of each other collapse into one
// call of `fn` (the last arguments) when they stop; each call's promise settles with it.

const {
  validateBoolean, validateFunction, validateInteger, validateObject,
} = require('internal/errors');
const { AbortError, validateAbortSignal } = require('internal/abort_controller');
const { addAbortListener } = require('events');

const TIMEOUT_MAX = 2 ** 31 - 1;

function abortError(reason) {
  return reason === undefined ? new AbortError() : new AbortError(undefined, { cause: reason });
}

function debounce(fn, wait, options = {}) {
  validateFunction(fn, 'fn');
  validateInteger(wait, 'wait', 0, TIMEOUT_MAX);
  validateObject(options, 'options');
  const { leading = false, rejectOnCancel = false, signal } = options;
  validateBoolean(leading, 'options.leading');
  validateBoolean(rejectOnCancel, 'options.rejectOnCancel');
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  let args;
  let aborted;
  let pendingCalls = [];
  let refed = true;
  let timeout;

  function rejectPending(error) {
    const calls = pendingCalls;
    pendingCalls = [];
    for (const call of calls) call.reject(error);
  }

  function cancelWithError(error) {
    if (timeout === undefined) return;
    clearTimeout(timeout);
    timeout = undefined;
    args = undefined;
    rejectPending(error);
  }

  function cancel(reason) {
    if (timeout === undefined) return;
    cancelWithError(abortError(reason));
  }

  function abort() {
    aborted ??= abortError(signal.reason);
    cancelWithError(aborted);
  }

  function ref() {
    refed = true;
    timeout?.ref();
    return debounced;
  }

  function unref() {
    refed = false;
    timeout?.unref();
    return debounced;
  }

  function invoke(callArgs, calls) {
    if (signal?.aborted) {
      abort();
      for (const call of calls) call.reject(aborted);
      return;
    }
    let result;
    try {
      result = Reflect.apply(fn, debounced, callArgs);
    } catch (error) {
      for (const call of calls) call.reject(error);
      return;
    }
    for (const call of calls) call.resolve(result);
  }

  function invokePending() {
    const callArgs = args;
    args = undefined;
    const calls = pendingCalls;
    pendingCalls = [];
    if (calls.length !== 0) invoke(callArgs, calls);
  }

  function onTimeout() {
    timeout = undefined;
    invokePending();
  }

  function flush() {
    if (pendingCalls.length === 0) return;
    clearTimeout(timeout);
    timeout = undefined;
    invokePending();
  }

  function debounced(...callArgs) {
    if (signal?.aborted) abort();
    if (aborted !== undefined) return Promise.reject(aborted);
    const invokeNow = leading && timeout === undefined;
    if (timeout !== undefined) {
      if (pendingCalls.length !== 0) {
        // A superseded call's promise settles with the later call; nobody may await it.
        binding.markPromiseAsHandled(pendingCalls[pendingCalls.length - 1].promise);
        if (rejectOnCancel) rejectPending(new AbortError('The debounced call was superseded'));
      }
      timeout.refresh();
    } else {
      timeout = setTimeout(onTimeout, wait);
      if (!refed) timeout.unref();
    }
    if (signal?.aborted) {
      abort();
      return Promise.reject(aborted);
    }
    const call = Promise.withResolvers();
    if (invokeNow) {
      invoke(callArgs, [call]);
    } else {
      pendingCalls.push(call);
      args = callArgs;
    }
    return call.promise;
  }

  const method = (value) => ({ configurable: true, enumerable: true, writable: true, value });
  Object.defineProperties(debounced, {
    cancel: method(cancel),
    flush: method(flush),
    ref: method(ref),
    unref: method(unref),
    pending: {
      enumerable: false,
      get() {
        return pendingCalls.length === 0 ? null : pendingCalls[pendingCalls.length - 1].promise;
      },
    },
    pendingCount: {
      enumerable: false,
      get() { return pendingCalls.length; },
    },
    length: { configurable: true, value: fn.length },
    name: { configurable: true, value: fn.name },
  });
  if (signal !== undefined) addAbortListener(signal, abort);
  return debounced;
}

module.exports = debounce;
