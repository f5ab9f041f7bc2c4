// Sync fs failures printed with console.log: Node's stack names its own fs functions with
// their v24.22.3 positions (which depend on the fast path taken), then the script's frames.
const fs = require('fs');
const util = require('util');

const show = (err) => console.log(util.inspect(err).replaceAll(__dirname, '<dir>'));

function readConfig() {
  return JSON.parse(fs.readFileSync('missing-config.json', 'utf8'));
}
try {
  readConfig();
} catch (err) {
  show(err);
}
for (const attempt of [
  () => fs.readFileSync('missing.bin'),
  () => fs.writeFileSync('/no-such-dir/out.txt', 'text'),
  () => fs.writeFileSync('/no-such-dir/out.bin', Buffer.from('bytes')),
  () => fs.appendFileSync('/no-such-dir/log.txt', 'line\n'),
  () => fs.statSync('no-such-file.txt'),
  () => fs.readdirSync('no-such-dir'),
  () => fs.mkdirSync('/no-such-dir/a/b'),
  () => fs.unlinkSync('no-such-file.txt'),
  () => fs.accessSync('no-such-file.txt'),
  () => fs.openSync('no-such-file.txt'),
  () => fs.renameSync('no-such-a', 'no-such-b'),
  () => fs.copyFileSync('no-such-a', 'no-such-b'),
]) {
  try {
    attempt();
  } catch (err) {
    console.log(err.stack.split('\n').slice(0, 4).join('\n').replaceAll(__dirname, '<dir>'));
  }
}
