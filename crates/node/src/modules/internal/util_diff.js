'use strict';
// util.diff (Node 24's lib/internal/util/diff.js), loaded on the first read of `util.diff`:
// the Myers diff of two strings (by character) or two arrays of strings, first change first,
// as [operation, value] pairs (1: only in `actual`, -1: only in `expected`, 0: in both).

const { myersDiff } = require('internal/assert/myers_diff');

function validateInput(value, name) {
  const { codes, validateString } = require('internal/errors');
  if (!Array.isArray(value)) {
    validateString(value, name);
    return;
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'string', value[i]);
    }
  }
}

function diff(actual, expected) {
  if (actual === expected) return [];
  validateInput(actual, 'actual');
  validateInput(expected, 'expected');
  // Node's ArrayPrototypeReverse: two distinct empty arrays throw its TypeError.
  return Array.prototype.reverse.call(myersDiff(actual, expected));
}

module.exports = { diff };
