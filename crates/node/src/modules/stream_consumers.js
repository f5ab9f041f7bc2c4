'use strict';
// node:stream/consumers, after Node v24's lib/stream/consumers.js (MIT, Copyright Node.js
// contributors): read a stream or any async iterable to the end.

const { Buffer } = require('buffer');

async function chunksOf(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) :
      ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) :
        chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : Buffer.from(`${chunk}`));
  }
  return chunks;
}

async function blob(stream) {
  const chunks = await chunksOf(stream);
  if (typeof globalThis.Blob !== 'function') return Buffer.concat(chunks);
  return new globalThis.Blob(chunks);
}

async function buffer(stream) {
  return Buffer.concat(await chunksOf(stream));
}

async function bytes(stream) {
  const b = Buffer.concat(await chunksOf(stream));
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

async function arrayBuffer(stream) {
  const b = Buffer.concat(await chunksOf(stream));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

async function text(stream) {
  const dec = new TextDecoder();
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') str += chunk;
    else str += dec.decode(chunk, { stream: true });
  }
  str += dec.decode(undefined, { stream: false });
  return str;
}

async function json(stream) {
  const str = await text(stream);
  return JSON.parse(str);
}

module.exports = { arrayBuffer, blob, buffer, bytes, text, json };
