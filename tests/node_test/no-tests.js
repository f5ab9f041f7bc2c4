const { test } = require('node:test');
console.log('top');
