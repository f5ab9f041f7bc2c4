const even = require('./even');
console.log('odd.js: partial exports of even.js:', even);
exports.isOdd = (n) => (n === 0 ? false : even.isEven(n - 1));
