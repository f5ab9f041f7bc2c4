// Hashing a file as a stream: Hash and Hmac are Transforms once node:stream is loaded, so
// `source.pipe(hash)` and pipeline() work; digest() still answers after the stream ended.
const crypto = require('crypto');
const fs = require('fs');
const { pipeline } = require('stream/promises');
const { Readable } = require('stream');

const early = crypto.createHash('sha1'); // made before any stream use
const fileHash = crypto.createHash('sha256');
fs.createReadStream(__filename)
  .pipe(fileHash)
  .on('finish', async () => {
    console.log('file digest length', fileHash.digest('hex').length);
    const md5 = crypto.createHash('md5').setEncoding('hex');
    await pipeline(Readable.from(['hello ', 'world']), md5, async (source) => {
      for await (const hex of source) console.log('md5 through pipeline', hex);
    });
    const hmac = crypto.createHmac('sha256', 'secret');
    hmac.end('message');
    hmac.on('data', (mac) => console.log('hmac data', mac.toString('hex')));
    early.write('written to a stream');
    early.end();
    early.on('data', (d) => console.log('early hash', d.toString('base64')));
  });
