// zlib: round trips in every format (sync, callback, promisified, streams), unzip's format
// detection, crc32, Node's errors for bad input, and decoding data Node compressed.
const zlib = require('node:zlib');
const util = require('node:util');
const { pipeline, Readable, Writable } = require('node:stream');

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(20);
for (const [c, d] of [['deflateSync', 'inflateSync'], ['deflateRawSync', 'inflateRawSync'],
  ['gzipSync', 'gunzipSync'], ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync']]) {
  const packed = zlib[c](text, { level: 9 });
  console.log(c, d, Buffer.isBuffer(packed), packed.length < text.length, zlib[d](packed).toString() === text);
}
// Compressed by Node (the bytes a file or a server would give).
console.log(zlib.gunzipSync(Buffer.from('H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==', 'base64')).toString());
console.log(zlib.inflateSync(Buffer.from('eJzLSM3JyQcABiwCFQ==', 'base64')).toString());
console.log(zlib.inflateRawSync(Buffer.from('y0jNyclXKM8vyklRyECwAQ==', 'base64')).toString());
const gz = zlib.gzipSync('abc');
console.log(gz.subarray(0, 4), gz.readUInt32LE(gz.length - 4));
console.log(zlib.crc32('hello'), zlib.crc32('world', 5), zlib.crc32(Buffer.from('')));
for (const [f, input] of [['gunzipSync', 'nope'], ['inflateSync', 'nope'],
  ['gunzipSync', zlib.gzipSync('hello world').subarray(0, 15)], ['inflateRawSync', Buffer.from([0xff, 0xff])]]) {
  try { zlib[f](input); } catch (e) { console.log(f, e.message, e.errno, e.code); }
}
try { zlib.gzipSync('x', { level: 12 }); } catch (e) { console.log(e.code, e.message); }
try { zlib.gzipSync(42); } catch (e) { console.log(e.code, e.message); }
console.log(zlib.constants.Z_BEST_COMPRESSION, zlib.codes.Z_DATA_ERROR, zlib.codes['-3']);

zlib.deflate(text, (err, packed) => {
  console.log('deflate cb', err, packed.length < text.length);
  zlib.inflate(packed, (err2, out) => {
    console.log('inflate cb', err2, out.toString() === text);
    zlib.gunzip(Buffer.from('not gzip'), async (err3) => {
      console.log('gunzip cb', err3.message, err3.code);
      const packed2 = await util.promisify(zlib.gzip)('promised');
      console.log((await util.promisify(zlib.gunzip)(packed2)).toString());
      const chunks = [];
      pipeline(
        Readable.from(['stream ', 'of ', 'chunks']),
        zlib.createGzip(),
        zlib.createGunzip(),
        new Writable({ write(c, e, cb) { chunks.push(c); cb(); } }),
        (err4) => console.log('pipeline', err4, Buffer.concat(chunks).toString()),
      );
    });
  });
});
