// fs.ReadStream / fs.WriteStream are made on first use (Node's lazyLoadStreams()): they still
// are node:stream's Readable / Writable, createReadStream/createWriteStream work, and a monkey
// patch of fs.ReadStream (graceful-fs style) is what createReadStream then makes.
const fs = require('fs');
const os = require('os');
const path = require('path');
const stream = require('stream');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsl-'));
const file = path.join(dir, 'a.txt');

const ws = fs.createWriteStream(file);
console.log(ws instanceof stream.Writable, ws instanceof fs.WriteStream, ws.constructor.name, ws.pending);
ws.write('one\n');
ws.end('two\n', () => {
  console.log('written', ws.bytesWritten);
  const rs = fs.createReadStream(file, { encoding: 'utf8' });
  console.log(rs instanceof stream.Readable, rs instanceof fs.ReadStream, rs instanceof fs.FileReadStream);
  let text = '';
  rs.on('data', (d) => { text += d; });
  rs.on('end', () => {
    console.log('read', JSON.stringify(text), rs.bytesRead);
    const Orig = fs.ReadStream;
    class Patched extends Orig {}
    fs.ReadStream = Patched;
    console.log(fs.ReadStream === Patched, fs.FileReadStream === Orig);
    const p = fs.createReadStream(file, { start: 4 });
    console.log(p instanceof Patched, p.constructor.name);
    p.on('data', (d) => console.log('patched data', JSON.stringify(String(d))));
    p.on('close', () => {
      fs.ReadStream = Orig;
      const direct = new fs.ReadStream(file, { end: 2 });
      direct.on('data', (d) => console.log('direct', String(d)));
      direct.on('close', async () => {
        const fh = await fs.promises.open(file);
        const hs = fh.createReadStream({ encoding: 'utf8' });
        console.log(hs instanceof Orig);
        for await (const chunk of hs) console.log('handle', JSON.stringify(chunk));
        fs.rmSync(dir, { recursive: true });
        console.log('done');
      });
    });
  });
});
