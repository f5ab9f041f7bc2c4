// Read a file line by line: readline over a file stream, with `for await` and with events.
const fs = require('fs');
const readline = require('readline');
const path = require('path');

const file = path.join(__dirname, 'io-data', 'poem.txt');

async function numbered() {
  const rl = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Infinity,
  });
  let n = 0;
  for await (const line of rl) {
    n++;
    console.log(`${String(n).padStart(2)}: ${line}`);
  }
  return n;
}

async function longestWord() {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }) });
  let best = '';
  for await (const line of rl) {
    for (const w of line.split(/\W+/)) if (w.length > best.length) best = w;
  }
  return best;
}

function withEvents() {
  return new Promise((resolve) => {
    const lines = [];
    const rl = readline.createInterface({ input: fs.createReadStream(path.join(__dirname, 'io-data', 'crlf.txt')) });
    rl.on('line', (line) => lines.push(line));
    rl.on('close', () => {
      console.log('close after', lines.length, 'lines:', lines);
      resolve();
    });
  });
}

(async () => {
  const n = await numbered();
  console.log('lines:', n);
  console.log('longest word:', await longestWord());
  await withEvents();
  // FileHandle.readLines (Node 18.11+).
  const fh = await fs.promises.open(file);
  let count = 0;
  for await (const line of fh.readLines()) if (line.includes('miles')) count++;
  console.log('lines with "miles":', count);
})();
