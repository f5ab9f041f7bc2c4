// fs.openAsBlob: a Promise of a Blob backed by the file, read when the Blob is read; a file
// changed since then cannot be read (NotReadableError), a missing one throws at once.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgen-blob-'));
const file = path.join(dir, 'b.txt');
fs.writeFileSync(file, 'hello blob');
const empty = path.join(dir, 'empty.txt');
fs.writeFileSync(empty, '');

for (const args of [[file, { type: 5 }], [file, 'text/plain'], [file, null], [5], [path.join(dir, 'missing')]]) {
  try {
    fs.openAsBlob(...args);
    console.log('ok');
  } catch (e) {
    console.log(e.code, e.message.replace(dir, '<dir>'));
  }
}

async function main() {
  const p = fs.openAsBlob(file, { type: 'Text/Plain' });
  console.log(p instanceof Promise);
  const b = await p;
  console.log(b, b instanceof Blob, Object.prototype.toString.call(b), b.size, b.type);
  console.log(await b.text(), await b.slice(6).text(), await b.slice(-4, -1).text());
  console.log(new Uint8Array(await b.slice(0, 2).arrayBuffer()), await b.bytes());
  const chunks = [];
  for await (const c of b.stream()) chunks.push(Buffer.from(c).toString());
  console.log(chunks.join(''));
  const mixed = new Blob(['<', b.slice(0, 5), '>']);
  console.log(mixed.size, await mixed.text());

  const e = await fs.openAsBlob(empty);
  console.log(e.size, e.type === '', JSON.stringify(await e.text()));
  console.log((await fs.openAsBlob(Buffer.from(file))).size, (await fs.openAsBlob(new URL(`file://${file}`))).size);

  // Changed (size) after the blob was made: reading fails, the new contents are not seen.
  const before = await fs.openAsBlob(file);
  const slice = before.slice(0, 3);
  fs.writeFileSync(file, 'hello blob, longer now');
  for (const [what, read] of [['text', () => before.text()], ['arrayBuffer', () => before.arrayBuffer()],
    ['slice', () => slice.text()], ['mixed', () => mixed.text()]]) {
    try {
      console.log(what, await read());
    } catch (err) {
      console.log(what, err.name, err.message, err instanceof DOMException);
    }
  }
  const after = await fs.openAsBlob(file);
  console.log(after.size, await after.text());
  fs.unlinkSync(file);
  try {
    await after.text();
  } catch (err) {
    console.log('deleted', err.name, err.message);
  }
  fs.rmSync(dir, { recursive: true });
}
main();
