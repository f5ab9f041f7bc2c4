// pipeline() ends its last stream: with process.stdout on a pipe or terminal, Node shuts
// down stdout's write side, so what the script prints afterwards is lost (the golden test
// runs it with stdout on a pipe; its .out was made the same way: `node X.js | cat`). The
// stream stays usable in JavaScript (Node's dummyDestroy).
const { pipeline, Transform, Readable } = require('stream');

console.log('before the pipeline');
const upper = new Transform({
  transform(chunk, encoding, callback) {
    callback(null, chunk.toString().toUpperCase());
  },
});
pipeline(Readable.from(['hello\n', 'streams\n']), upper, process.stdout, (err) => {
  console.error('pipeline finished', err);
  console.log('Pipeline succeeded.');
  process.stdout.write('a direct write\n');
  console.error('stdout state', process.stdout.destroyed, process.stdout.writableEnded);
});
process.on('exit', (code) => console.log('exit', code));
