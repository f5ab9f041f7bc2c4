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
  if (options.ref !== undefined && typeof options.ref !== 'boolean') {
    throw binding.invalidArgType('options.ref', 'of type boolean', options.ref);
  }
}

function setTimeout(after, value, options = {}) {
  try {
    validateDelay(after);
    validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve) => {
    const t = timeout(resolve, after, value);
    if (options.ref === false) t.unref();
  });
}

function setImmediate(value, options = {}) {
  try {
    validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve) => {
    const i = immediate(resolve, value);
    if (options.ref === false) i.unref();
  });
}

async function* setInterval(after, value, options = {}) {
  validateDelay(after);
  validateOptions(options);
  let notYielded = 0;
  let callback;
  const t = interval(() => {
    notYielded++;
    if (callback) {
      callback();
      callback = undefined;
    }
  }, after);
  if (options.ref === false) t.unref();
  try {
    while (true) {
      if (notYielded === 0) {
        await new Promise((resolve) => callback = resolve);
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
  } finally {
    stopInterval(t);
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
