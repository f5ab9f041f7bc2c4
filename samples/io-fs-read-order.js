// Two reads of the same file started together, a callback one then a promise one: Node calls
// the callback first every time (each of its trips to the thread pool is queued before the
// promise's, and a poll phase calls back in that order); so does jsgen.
const fs = require('fs');
fs.readFile(__filename, (err, data) => {
  console.log('callback', err, data.toString().split('\n')[0]);
});
(async () => {
  const data = await fs.promises.readFile(__filename);
  console.log('promise', data.length === fs.statSync(__filename).size);
})();
