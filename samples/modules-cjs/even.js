// even.js and odd.js require each other: odd.js sees even.js's exports as they are when
// the cycle reaches it (partial), and calls isEven only later.
exports.loadedFirst = true;
const odd = require('./odd');
console.log('even.js: odd.isOdd is', typeof odd.isOdd);
exports.isEven = (n) => (n === 0 ? true : odd.isOdd(n - 1));
