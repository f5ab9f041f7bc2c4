// A stream made from a FileHandle closes the handle when it ends (the fd reads -1), and
// filehandle.close() sets fd to -1 and emits 'close' at once.
const fsp = require('fs/promises');

(async () => {
  const fh = await fsp.open(__filename);
  let count = 0;
  for await (const line of fh.readLines()) if (line.startsWith('//')) count++;
  console.log('comment lines', count, 'fd after readLines', fh.fd);

  const fh2 = await fsp.open(__filename);
  const stream = fh2.createReadStream({ encoding: 'utf8', start: 0, end: 1 });
  for await (const chunk of stream) console.log('chunk', JSON.stringify(chunk));
  console.log('fd after stream', fh2.fd, stream.closed);

  const fh3 = await fsp.open(__filename);
  fh3.on('close', () => console.log('close event, fd', fh3.fd));
  const closing = fh3.close();
  console.log('fd right after close()', fh3.fd);
  await closing;
  console.log('closed', await fh3.close());
})();
