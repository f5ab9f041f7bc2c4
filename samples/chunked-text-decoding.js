// Reading a "stream" of byte chunks from an async generator and decoding them with
// TextDecoder's { stream: true }: multi-byte characters split across chunks come out whole.
const { createHash, randomUUID, randomBytes } = require('crypto');

const message = 'Grüße aus Köln — naïve café, 日本語, emoji 🎉🚀 and plain ASCII.';
const bytes = new TextEncoder().encode(message);
console.log('encoded', bytes.length, 'bytes for', message.length, 'UTF-16 units');
console.log(bytes.subarray(0, 8));

async function* chunks(data, size) {
  for (let i = 0; i < data.length; i += size) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    yield data.subarray(i, i + size);
  }
}

async function readAll(size) {
  const decoder = new TextDecoder('utf-8');
  const pieces = [];
  let received = 0;
  for await (const chunk of chunks(bytes, size)) {
    received += chunk.byteLength;
    pieces.push(decoder.decode(chunk, { stream: true }));
  }
  pieces.push(decoder.decode());
  return { received, pieces };
}

async function naive(size) {
  // Decoding each chunk on its own breaks characters at chunk edges.
  let text = '';
  for await (const chunk of chunks(bytes, size)) text += new TextDecoder().decode(chunk);
  return text;
}

(async () => {
  for (const size of [1, 3, 7, 16]) {
    const { received, pieces } = await readAll(size);
    const text = pieces.join('');
    console.log(`chunk size ${size}: ${received} bytes, ${pieces.length} pieces, intact: ${text === message}`);
  }
  const broken = await naive(5);
  console.log('naive decode intact:', broken === message, broken.includes('\ufffd'));
  const { pieces } = await readAll(4);
  console.log(pieces.slice(0, 6));

  // The same bytes as a Buffer.
  const buf = Buffer.from(message);
  console.log(buf.length === bytes.length, buf.equals(Buffer.from(bytes)));
  console.log(buf.subarray(0, 12), buf.subarray(0, 12).toString());
  console.log(buf.toString('base64').slice(0, 24), buf.toString('hex', 0, 6));
  console.log({ header: Buffer.from([0x89, 0x50, 0x4e, 0x47]), size: buf.byteLength });
  console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99, 100])]).toString());

  // UTF-16LE in odd-sized chunks.
  const u16 = Buffer.from('héllo 🌍', 'utf16le');
  const d16 = new TextDecoder('utf-16le');
  let out = '';
  for (let i = 0; i < u16.length; i += 3) out += d16.decode(u16.subarray(i, i + 3), { stream: true });
  out += d16.decode();
  console.log(out, u16.length);

  // Hash the text; random values are only checked for shape.
  console.log(createHash('sha256').update(message).digest('hex'));
  console.log(createHash('md5').update(buf).digest('base64'));
  console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(randomUUID()));
  console.log(randomBytes(16).length, crypto.getRandomValues(new Uint32Array(4)).length);
})();
