// An fs.promises failure, printed as tutorials print it: Node's error holds only async
// frames (its own fs/promises functions, then the script's awaiting async functions).
const fs = require('fs/promises');
const util = require('util');

const show = (err) => console.log(util.inspect(err).replaceAll(__dirname, '<dir>'));

async function loadConfig(file) {
  const text = await fs.readFile(file, 'utf8');
  return JSON.parse(text);
}

async function main() {
  try {
    await loadConfig('missing-config.json');
  } catch (err) {
    show(err);
    console.log(err.code, err.syscall, err.errno);
  }
  for (const attempt of [
    () => fs.stat('no-such-file.txt'),
    () => fs.writeFile('/no-such-dir/out.txt', 'data'),
    () => fs.appendFile('/no-such-dir/log.txt', 'line\n'),
    () => fs.readdir('no-such-dir'),
    () => fs.mkdir('/no-such-dir/a/b'),
    () => fs.unlink('no-such-file.txt'),
    () => fs.access('no-such-file.txt'),
    () => fs.rm('no-such-file.txt'),
  ]) {
    try {
      await attempt();
    } catch (err) {
      console.log(err.stack.replaceAll(__dirname, '<dir>'));
    }
  }
}

main();
