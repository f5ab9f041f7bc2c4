'use strict';
// Node's error codes and argument validators (lib/internal/errors.js,
// lib/internal/validators.js), for the core modules only: `require('internal/errors')` from a
// script is not found, as in Node.

const { nodeError, inspect, format } = binding;

const classRegExp = /^[A-Z][a-zA-Z0-9]*$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object',
  'boolean', 'bigint', 'symbol'];

function formatList(array, type = 'and') {
  switch (array.length) {
    case 0: return '';
    case 1: return `${array[0]}`;
    case 2: return `${array[0]} ${type} ${array[1]}`;
    case 3: return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default:
      return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
  }
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    res = `_${val.slice(i - 3, i)}${res}`;
  }
  return `${val.slice(0, i)}${res}`;
}

function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      if (value !== value) return 'type number (NaN)';
      if (value === Infinity) return 'type number (Infinity)';
      if (value === -Infinity) return 'type number (-Infinity)';
      return `type number (${value})`;
    case 'boolean':
      return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object': {
      const name = value.constructor?.name;
      if (typeof name === 'string' && name !== '') return `an instance of ${name}`;
      return `${inspect(value, { depth: -1 })}`;
    }
    case 'string':
      value.length > 28 && (value = `${value.slice(0, 25)}...`);
      if (value.indexOf("'") === -1) return `type string ('${value}')`;
      return `type string (${JSON.stringify(value)})`;
    default:
      return `type ${type} (${inspect(value)})`;
  }
}

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    const type = name.includes('.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.exec(value) !== null) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) {
      msg += `one of ${formatList(other, 'or')}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}

// Each code is a function usable with `new` (it returns the error object).
const codes = {
  ERR_INVALID_ARG_TYPE: function ERR_INVALID_ARG_TYPE(name, expected, actual) {
    return nodeError('TypeError', 'ERR_INVALID_ARG_TYPE', invalidArgTypeMessage(name, expected, actual));
  },
  ERR_INVALID_ARG_VALUE: function ERR_INVALID_ARG_VALUE(name, value, reason = 'is invalid', ctor = 'TypeError') {
    let inspected = inspect(value);
    if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
    const type = name.includes('.') ? 'property' : 'argument';
    return nodeError(ctor, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${inspected}`);
  },
  ERR_OUT_OF_RANGE: function ERR_OUT_OF_RANGE(str, range, input, replaceDefaultBoolean = false) {
    let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
    let received;
    if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
      received = addNumericalSeparator(String(input));
    } else if (typeof input === 'bigint') {
      received = String(input);
      if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
      received += 'n';
    } else {
      received = inspect(input);
    }
    msg += ` It must be ${range}. Received ${received}`;
    return nodeError('RangeError', 'ERR_OUT_OF_RANGE', msg);
  },
  ERR_BUFFER_OUT_OF_BOUNDS: function ERR_BUFFER_OUT_OF_BOUNDS(name = undefined) {
    return nodeError('RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS',
      name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds');
  },
  ERR_INVALID_BUFFER_SIZE: function ERR_INVALID_BUFFER_SIZE(size) {
    return nodeError('RangeError', 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${size}`);
  },
  ERR_UNKNOWN_ENCODING: function ERR_UNKNOWN_ENCODING(encoding) {
    return nodeError('TypeError', 'ERR_UNKNOWN_ENCODING', format('Unknown encoding: %s', encoding));
  },
  ERR_MISSING_ARGS: function ERR_MISSING_ARGS(...args) {
    let msg = 'The ';
    const len = args.length;
    const wrap = (a) => `"${a}"`;
    args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
    msg += `${formatList(args)} argument${len > 1 ? 's' : ''} must be specified`;
    return nodeError('TypeError', 'ERR_MISSING_ARGS', msg);
  },
  ERR_ENCODING_NOT_SUPPORTED: function ERR_ENCODING_NOT_SUPPORTED(encoding) {
    return nodeError('RangeError', 'ERR_ENCODING_NOT_SUPPORTED', `The "${encoding}" encoding is not supported`);
  },
  ERR_ENCODING_INVALID_ENCODED_DATA: function ERR_ENCODING_INVALID_ENCODED_DATA(encoding) {
    return nodeError('TypeError', 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${encoding}`);
  },
  ERR_INVALID_THIS: function ERR_INVALID_THIS(type) {
    return nodeError('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
  },
  ERR_CRYPTO_HASH_FINALIZED: function ERR_CRYPTO_HASH_FINALIZED() {
    return nodeError('Error', 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  },
  ERR_CRYPTO_HASH_UPDATE_FAILED: function ERR_CRYPTO_HASH_UPDATE_FAILED() {
    return nodeError('Error', 'ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed');
  },
  ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH: function ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH() {
    return nodeError('RangeError', 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  },
  ERR_INVALID_ARG_TYPE_MESSAGE: invalidArgTypeMessage,
};

const validateNumber = (value, name, min = undefined, max) => {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
    ((min != null || max != null) && Number.isNaN(value))) {
    throw new codes.ERR_OUT_OF_RANGE(
      name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value);
  }
};

const validateInteger = (value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) => {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
};

const validateInt32 = (value, name, min = -2147483648, max = 2147483647) => validateInteger(value, name, min, max);

const validateUint32 = (value, name, positive = false) => validateInteger(value, name, positive ? 1 : 0, 4294967295);

const validateString = (value, name) => {
  if (typeof value !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
};

const validateBoolean = (value, name) => {
  if (typeof value !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
};

const validateFunction = (value, name) => {
  if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
};

const kValidateObjectAllowNullable = 1;
const kValidateObjectAllowArray = 2;
const kValidateObjectAllowFunction = 4;
const validateObject = (value, name, options = 0) => {
  if (options === 0) {
    if (value === null || Array.isArray(value) || typeof value !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
    }
  } else {
    if ((kValidateObjectAllowNullable & options) === 0 && value === null) {
      throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
    }
    if ((kValidateObjectAllowArray & options) === 0 && Array.isArray(value)) {
      throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
    }
    const throwOnFunction = (kValidateObjectAllowFunction & options) === 0;
    const typeofValue = typeof value;
    if (typeofValue !== 'object' && (throwOnFunction || typeofValue !== 'function')) {
      throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
    }
  }
};

const validateArray = (value, name, minLength = 0) => {
  if (!Array.isArray(value)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'Array', value);
  if (value.length < minLength) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, value, `must have a length of at least ${minLength}`);
  }
};

const validateBuffer = (buffer, name = 'buffer') => {
  if (!ArrayBuffer.isView(buffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
};

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 3:
      if (enc === 'hex' || enc === 'HEX' || `${enc}`.toLowerCase() === 'hex') return 'hex';
      break;
    case 5:
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ASCII') return 'ascii';
      if (enc === 'UCS-2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      if (enc === 'BASE64') return 'base64';
      if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
      enc = `${enc}`.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || `${enc}`.toLowerCase() === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || `${enc}`.toLowerCase() === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' || `${enc}`.toLowerCase() === 'base64url') return 'base64url';
      break;
    default:
      if (enc === '') return 'utf8';
  }
}

// The helpers the web globals' modules (event_target, url, abort_controller, ...) use.
// `expected` is the text after "must be" ('an instance of Event'), formatted by the host as
// Node's ERR_INVALID_ARG_TYPE message.
function invalidArgType(name, expected, value) {
  const { message } = binding.invalidArgType(name, expected, value);
  return nodeError('TypeError', 'ERR_INVALID_ARG_TYPE', message);
}

// ERR_MISSING_ARGS for the named arguments.
function missingArgs(...names) {
  const quoted = names.map((n) => `"${n}"`);
  let list;
  if (quoted.length === 1) list = `The ${quoted[0]} argument`;
  else if (quoted.length === 2) list = `The ${quoted[0]} and ${quoted[1]} arguments`;
  else list = `The ${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]} arguments`;
  return nodeError('TypeError', 'ERR_MISSING_ARGS', `${list} must be specified`);
}

// ERR_INVALID_THIS
function invalidThis(type) {
  return nodeError('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

module.exports = {
  nodeError,
  invalidArgType,
  missingArgs,
  invalidThis,
  codes,
  determineSpecificType,
  normalizeEncoding,
  validateArray,
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
};
