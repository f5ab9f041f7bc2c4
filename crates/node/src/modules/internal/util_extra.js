'use strict';
// The util exports scripts rarely use (Node 24's lib/util.js), loaded on the first read of
// one of them (`binding.defineLazyExport`, the transferable helpers through util's getters),
// so `require('util')` does not parse them.

const { getSystemErrorName } = require('util');

// `util._errnoException(err, syscall, original)` / `util._exceptionWithHostPort(err, syscall,
// address, port, additional)`: Node's ErrnoException and ExceptionWithHostPort (an Error
// whose `constructor` reads as Error), their stacks starting at the caller.
function errnoError(err, code, syscall, message) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const e = new Error(message);
  Error.stackTraceLimit = limit;
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}
function _errnoException(err, syscall, original) {
  const code = getSystemErrorName(err);
  const e = errnoError(err, code, syscall, original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  Error.captureStackTrace(e, _errnoException);
  return e;
}
function _exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = getSystemErrorName(err);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const e = errnoError(err, code, syscall, `${syscall} ${code}${details}`);
  e.address = address;
  if (port) e.port = port;
  Error.captureStackTrace(e, _exceptionWithHostPort);
  return e;
}

// `128 + signal number`, the exit code of a process ended by `signalCode`.
function convertProcessSignalToExitCode(signalCode) {
  const { signals } = require('os').constants;
  if (typeof signalCode !== 'string' || !Object.prototype.hasOwnProperty.call(signals, signalCode)) {
    const allowed = Object.keys(signals).map((v) => `'${v}'`).join(', ');
    throw require('internal/errors').codes.ERR_INVALID_ARG_VALUE('signalCode', signalCode, `must be one of: ${allowed}`);
  }
  return 128 + signals[signalCode];
}

// `util.getCallSites([frameCount][, options])`: the caller's stack frames (Node 24's
// lib/util.js). Source maps are not supported: `sourceMap: true` returns the same frames.
function getCallSites(frameCount = 10, options) {
  const errors = require('internal/errors');
  if (options === undefined) {
    if (typeof frameCount === 'object') {
      options = frameCount;
      errors.validateObject(options, 'options');
      if (options.sourceMap !== undefined) errors.validateBoolean(options.sourceMap, 'options.sourceMap');
      frameCount = 10;
    } else {
      options = {};
    }
  } else {
    errors.validateObject(options, 'options');
    if (options.sourceMap !== undefined) errors.validateBoolean(options.sourceMap, 'options.sourceMap');
  }
  errors.validateInteger(frameCount, 'frameCount', 1, 200);
  return binding.getCallSites(frameCount);
}

function markPromiseAsHandled(promise) {
  if (binding.kindOf(promise) !== 'promise') {
    throw require('internal/errors').codes.ERR_INVALID_ARG_TYPE('promise', 'Promise', promise);
  }
  binding.markPromiseAsHandled(promise);
}

// `util.transferableAbortSignal(signal)` / `util.transferableAbortController()`: Node marks the
// signal as transferable to workers (structuredClone/postMessage); jsgen's workers share no
// memory with the main thread, so the signal itself is returned, as Node does.
function transferableAbortSignal(signal) {
  const { validateAbortSignal } = require('internal/abort_controller');
  if (signal === undefined) {
    throw require('internal/errors').codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  return signal;
}
function transferableAbortController() {
  const controller = new AbortController();
  transferableAbortSignal(controller.signal);
  return controller;
}

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  convertProcessSignalToExitCode,
  getCallSites,
  markPromiseAsHandled,
  transferableAbortSignal,
  transferableAbortController,
};
