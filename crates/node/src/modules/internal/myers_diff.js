'use strict';
// Myers' diff (Node 24's lib/internal/assert/myers_diff.js), shared by node:assert's error
// messages and util.diff: [operation, item] pairs, last change first, where 1 is an item of
// `actual` only, -1 of `expected` only and 0 of both. For assert's object inspections,
// lines that differ only by a trailing comma count as equal (`checkCommaDisparity`).

const kInsert = 1, kDelete = -1, kNop = 0;

function areLinesEqual(actual, expected, checkCommaDisparity) {
  if (actual === expected) return true;
  if (checkCommaDisparity) return (actual + ',') === expected || actual === (expected + ',');
  return false;
}

function myersDiff(actual, expected, checkCommaDisparity) {
  const actualLength = actual.length;
  const expectedLength = expected.length;
  const max = actualLength + expectedLength;
  const v = new Int32Array(2 * max + 1);
  const trace = [];
  for (let diffLevel = 0; diffLevel <= max; diffLevel++) {
    trace.push(new Int32Array(v));
    for (let diagonalIndex = -diffLevel; diagonalIndex <= diffLevel; diagonalIndex += 2) {
      const offset = diagonalIndex + max;
      const previousOffset = v[offset - 1];
      const nextOffset = v[offset + 1];
      let x = diagonalIndex === -diffLevel || (diagonalIndex !== diffLevel && previousOffset < nextOffset)
        ? nextOffset
        : previousOffset + 1;
      let y = x - diagonalIndex;
      while (x < actualLength && y < expectedLength && areLinesEqual(actual[x], expected[y], checkCommaDisparity)) {
        x++;
        y++;
      }
      v[offset] = x;
      if (x >= actualLength && y >= expectedLength) {
        return backtrack(trace, actual, expected, checkCommaDisparity);
      }
    }
  }
  // Two empty inputs fall through (the first diagonal reads past `v`), as in Node: undefined.
  return undefined;
}

function backtrack(trace, actual, expected, checkCommaDisparity) {
  const max = actual.length + expected.length;
  let x = actual.length;
  let y = expected.length;
  const result = [];
  for (let diffLevel = trace.length - 1; diffLevel >= 0; diffLevel--) {
    const v = trace[diffLevel];
    const diagonalIndex = x - y;
    const offset = diagonalIndex + max;
    const prevDiagonalIndex = diagonalIndex === -diffLevel ||
      (diagonalIndex !== diffLevel && v[offset - 1] < v[offset + 1])
      ? diagonalIndex + 1
      : diagonalIndex - 1;
    const prevX = v[prevDiagonalIndex + max];
    const prevY = prevX - prevDiagonalIndex;
    while (x > prevX && y > prevY) {
      const actualItem = actual[x - 1];
      const value = checkCommaDisparity && !actualItem.endsWith(',') ? expected[y - 1] : actualItem;
      result.push([kNop, value]);
      x--;
      y--;
    }
    if (diffLevel > 0) {
      if (x > prevX) result.push([kInsert, actual[--x]]);
      else result.push([kDelete, expected[--y]]);
    }
  }
  return result;
}

module.exports = { myersDiff, kInsert, kDelete, kNop };
