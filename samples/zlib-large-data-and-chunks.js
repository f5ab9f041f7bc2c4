// Decompressing more than a few KiB (inflate used to fail with "invalid block type" once the
// output outgrew its first buffer), concatenated gzip members and trailing bytes, and the
// chunks a zlib stream emits: its header first, then 16 KiB pieces.
const zlib = require('zlib');

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(5000);
for (const [pack, unpack] of [
  [zlib.gzipSync, zlib.gunzipSync],
  [zlib.deflateSync, zlib.inflateSync],
  [zlib.deflateRawSync, zlib.inflateRawSync],
  [zlib.gzipSync, zlib.unzipSync],
]) {
  const packed = pack(text);
  console.log(unpack.name, unpack(packed).toString() === text, unpack(packed).length);
}
console.log(zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), zlib.gzipSync('b'), Buffer.alloc(3)])).toString());
try {
  zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), Buffer.from('junk')]));
} catch (e) {
  console.log(e.code, e.errno, e.message);
}

const gunzip = zlib.createGunzip();
const sizes = [];
gunzip.on('data', (chunk) => sizes.push(chunk.length));
gunzip.on('end', () => {
  console.log('gunzip chunks', sizes);
  const deflate = zlib.createDeflate();
  const parts = [];
  deflate.on('data', (chunk) => parts.push(chunk));
  deflate.on('end', () => {
    console.log('deflate chunks', parts.length, parts[0]);
    zlib.gunzip(zlib.gzipSync(text), (err, out) => console.log('async gunzip', err, out.length));
  });
  deflate.write('abc');
  deflate.end('def');
});
gunzip.end(zlib.gzipSync('x'.repeat(100000)));
