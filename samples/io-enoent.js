// ENOENT and other file-system errors in the sync, callback and promise forms.
const fs = require('fs');
const fsp = require('fs/promises');

try {
  fs.readFileSync('missing.txt', 'utf8');
} catch (err) {
  console.log(err.message);
  console.log(err.name, err.code, err.errno, err.syscall, err.path);
  console.log(err instanceof Error, Object.keys(err));
}

// One operation at a time: concurrent requests complete in the thread pool's order, which
// is a race in Node too.
const readFileCallback = () => new Promise((resolve) => {
  fs.readFile('missing.txt', (err, data) => {
    console.log('callback:', data);
    console.log(err);
    resolve();
  });
});
const statCallback = () => new Promise((resolve) => {
  fs.stat('no/such/dir', (err) => {
    console.log('stat:', err.code, err.syscall, err.path);
    resolve();
  });
});

(async () => {
  await readFileCallback();
  await statCallback();
  await fsp.readFile('missing.txt').catch((err) => {
    console.log('promise:', err.code, err.message);
  });
  try {
    await fsp.rename('missing.txt', 'other.txt');
  } catch (err) {
    console.log(err.message, '| dest:', err.dest);
  }
  try {
    await fsp.access('missing.txt');
  } catch (err) {
    console.log('access:', err.code);
  }
  try {
    fs.mkdirSync('io-data');
  } catch (err) {
    console.log(err.message);
  }
  try {
    fs.rmdirSync('io-data/poem.txt');
  } catch (err) {
    console.log(err.code, err.message);
  }
  await fsp.rm('missing.txt', { force: true });
  console.log('rm with force: no error');
  console.log('exists:', fs.existsSync('missing.txt'), fs.existsSync('io-data'));
  const content = await fsp.readFile('missing.txt', 'utf8').catch(() => 'default content');
  console.log(content);
})();
