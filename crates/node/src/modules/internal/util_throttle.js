'use strict';
// util.throttle (Node 24's lib/internal/util/throttle.js), the value of the `util.throttle`
// getter, loaded on its first read: at most `limit` calls of `fn` per `interval` ms (a fixed
// window, or a sliding one with `strict`), at most `concurrency` running; other calls queue
// (up to `maxPending`) or are dropped (`overflow: 'drop'`: ERR_THROTTLED).

const {
  codes, nodeError, validateBoolean, validateFunction, validateInteger, validateObject,
} = require('internal/errors');
const { AbortError, validateAbortSignal } = require('internal/abort_controller');
const { addAbortListener } = require('events');

const TIMEOUT_MAX = 2 ** 31 - 1;
// The event loop's clock in ms (libuv's uv_now in Node).
const loopNow = () => performance.now();

function abortError(reason) {
  return reason === undefined ? new AbortError() : new AbortError(undefined, { cause: reason });
}

function throttle(fn, limit, interval, options = {}) {
  validateFunction(fn, 'fn');
  validateInteger(limit, 'limit', 1);
  validateInteger(interval, 'interval', 0, TIMEOUT_MAX);
  validateObject(options, 'options');
  const {
    concurrency = Infinity,
    maxPending = Infinity,
    overflow = 'queue',
    signal,
    strict = false,
  } = options;
  if (concurrency !== Infinity) validateInteger(concurrency, 'options.concurrency', 1);
  if (maxPending !== Infinity) validateInteger(maxPending, 'options.maxPending', 0);
  if (overflow !== 'queue' && overflow !== 'drop') {
    throw codes.ERR_INVALID_ARG_VALUE('options.overflow', overflow, "must be one of: 'queue', 'drop'");
  }
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(strict, 'options.strict');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  let aborted;
  let activeCount = 0;
  let pendingCalls = [];
  let pendingIndex = 0;
  let refed = true;
  // strict: the start times of the calls in the last `interval` ms (from strictIndex on);
  // otherwise the current window's start and how many calls it had.
  let strictIndex = 0;
  let strictTicks = [];
  let timeout;
  let windowCount = 0;
  let windowStart;

  const pendingCount = () => pendingCalls.length - pendingIndex;

  function dequeue() {
    const call = pendingCalls[pendingIndex];
    pendingCalls[pendingIndex++] = undefined;
    if (pendingIndex === pendingCalls.length) {
      pendingCalls = [];
      pendingIndex = 0;
    } else if (pendingIndex > 1024 && pendingIndex * 2 >= pendingCalls.length) {
      pendingCalls = pendingCalls.slice(pendingIndex);
      pendingIndex = 0;
    }
    return call;
  }

  function rejectPending(error) {
    const calls = pendingCalls;
    const start = pendingIndex;
    pendingCalls = [];
    pendingIndex = 0;
    for (let i = start; i < calls.length; i++) calls[i].reject(error);
  }

  function resetLimiter() {
    strictIndex = 0;
    strictTicks = [];
    windowCount = 0;
    windowStart = undefined;
  }

  function cancelWithError(error) {
    if (timeout !== undefined) {
      clearTimeout(timeout);
      timeout = undefined;
    }
    resetLimiter();
    rejectPending(error);
  }

  function cancel(reason) {
    cancelWithError(abortError(reason));
  }

  function abort() {
    aborted ??= abortError(signal.reason);
    cancelWithError(aborted);
  }

  function ref() {
    refed = true;
    timeout?.ref();
    return throttled;
  }

  function unref() {
    refed = false;
    timeout?.unref();
    return throttled;
  }

  function hasImmediateCapacity() {
    if (signal?.aborted || pendingCount() !== 0 || activeCount >= concurrency) return false;
    const now = loopNow();
    if (strict) {
      let index = strictIndex;
      while (index < strictTicks.length && now - strictTicks[index] >= interval) index++;
      return strictTicks.length - index < limit;
    }
    return windowStart === undefined || now - windowStart >= interval || windowCount < limit;
  }

  function pruneStrictTicks(now) {
    while (strictIndex < strictTicks.length && now - strictTicks[strictIndex] >= interval) {
      strictIndex++;
    }
    if (strictIndex === strictTicks.length) {
      strictIndex = 0;
      strictTicks = [];
    } else if (strictIndex > 1024 && strictIndex * 2 >= strictTicks.length) {
      strictTicks = strictTicks.slice(strictIndex);
      strictIndex = 0;
    }
  }

  function hasCapacity(now) {
    if (strict) {
      pruneStrictTicks(now);
      return strictTicks.length - strictIndex < limit;
    }
    if (windowStart === undefined || now - windowStart >= interval) {
      windowCount = 0;
      windowStart = now;
    }
    return windowCount < limit;
  }

  function reserve(now) {
    if (strict) strictTicks.push(now);
    else windowCount++;
  }

  function onSettled() {
    activeCount--;
    drain();
  }

  function invoke(call) {
    activeCount++;
    let resultPromise;
    try {
      resultPromise = Promise.resolve(Reflect.apply(fn, throttled, call.args));
    } catch (error) {
      resultPromise = Promise.reject(error);
    }
    call.resolve(resultPromise);
    resultPromise.then(onSettled, onSettled);
  }

  function drop() {
    const promise = Promise.reject(
      nodeError('Error', 'ERR_THROTTLED', 'The call was dropped by the throttled function'));
    binding.markPromiseAsHandled(promise);
    return promise;
  }

  function schedule() {
    if (timeout !== undefined || pendingCount() === 0 || activeCount >= concurrency) return;
    const now = loopNow();
    if (hasCapacity(now)) {
      drain();
      return;
    }
    const delay = strict ? strictTicks[strictIndex] + interval - now : windowStart + interval - now;
    timeout = setTimeout(onTimeout, delay);
    if (!refed) timeout.unref();
  }

  function drain() {
    if (signal?.aborted) {
      abort();
      return;
    }
    while (pendingCount() !== 0 && activeCount < concurrency) {
      const now = loopNow();
      if (!hasCapacity(now)) break;
      const call = dequeue();
      reserve(now);
      invoke(call);
    }
    schedule();
  }

  function onTimeout() {
    timeout = undefined;
    drain();
  }

  function throttled(...callArgs) {
    if (signal?.aborted) abort();
    if (aborted !== undefined) return Promise.reject(aborted);
    const now = loopNow();
    const canInvoke = pendingCount() === 0 && activeCount < concurrency && hasCapacity(now);
    if (!canInvoke && (overflow === 'drop' || pendingCount() >= maxPending)) return drop();
    const call = Promise.withResolvers();
    call.args = callArgs;
    if (canInvoke) {
      reserve(now);
      invoke(call);
    } else {
      pendingCalls.push(call);
      schedule();
    }
    return call.promise;
  }

  const method = (value) => ({ configurable: true, enumerable: true, writable: true, value });
  Object.defineProperties(throttled, {
    cancel: method(cancel),
    hasImmediateCapacity: method(hasImmediateCapacity),
    ref: method(ref),
    unref: method(unref),
    pending: {
      enumerable: false,
      get() {
        return pendingCount() === 0 ? null : pendingCalls[pendingCalls.length - 1].promise;
      },
    },
    pendingCount: { enumerable: false, get: pendingCount },
    activeCount: {
      enumerable: false,
      get() { return activeCount; },
    },
    length: { configurable: true, value: fn.length },
    name: { configurable: true, value: fn.name },
  });
  if (signal !== undefined) addAbortListener(signal, abort);
  return throttled;
}

module.exports = throttle;
