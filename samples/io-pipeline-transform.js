// Copy a file through a Transform with stream.pipeline (callback and promise forms),
// into a temporary directory.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline, Transform, Readable } = require('stream');
const { pipeline: pipelinePromise } = require('stream/promises');

const src = path.join(__dirname, 'io-data', 'poem.txt');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgen-pipeline-'));
const dest = path.join(dir, 'POEM.txt');

let chunks = 0;
const upper = new Transform({
  decodeStrings: false,
  transform(chunk, encoding, callback) {
    chunks++;
    callback(null, chunk.toUpperCase());
  },
});

pipeline(fs.createReadStream(src, { encoding: 'utf8', highWaterMark: 40 }), upper,
  fs.createWriteStream(dest), async (err) => {
    console.log('pipeline finished:', err);
    console.log('chunks transformed:', chunks);
    process.stdout.write(fs.readFileSync(dest, 'utf8'));

    // A generator as the source, an async generator as a transform step.
    const numbered = path.join(dir, 'numbered.txt');
    await pipelinePromise(
      Readable.from(['alpha', 'beta', 'gamma']),
      async function* (source) {
        let i = 0;
        for await (const word of source) yield `${++i}. ${word}\n`;
      },
      fs.createWriteStream(numbered),
    );
    console.log(fs.readFileSync(numbered, 'utf8').trimEnd());

    // An error in the middle of a pipeline reaches the callback; streams are destroyed.
    const failing = new Transform({
      transform(chunk, enc, cb) { cb(new Error('bad chunk')); },
    });
    const out = fs.createWriteStream(path.join(dir, 'never.txt'));
    pipeline(fs.createReadStream(src), failing, out, (err) => {
      console.log('error:', err.message, '| destroyed:', failing.destroyed, out.destroyed);
      fs.rmSync(dir, { recursive: true, force: true });
      console.log('cleaned up:', !fs.existsSync(dir));
    });
  });
