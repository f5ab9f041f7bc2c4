// Walk a directory: opendir's async-iterable Dir, readdir with file types, recursion, stat.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

async function main() {
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'jsgen-dir-'));
  await fsp.mkdir(path.join(root, 'src', 'lib'), { recursive: true });
  await fsp.writeFile(path.join(root, 'README.md'), '# demo\n');
  await fsp.writeFile(path.join(root, 'src', 'main.js'), 'console.log(1);\n');
  await fsp.writeFile(path.join(root, 'src', 'lib', 'util.js'), 'module.exports = {};\n');

  const names = [];
  for await (const entry of await fsp.opendir(root)) {
    names.push(`${entry.name}${entry.isDirectory() ? '/' : ''}`);
  }
  console.log('opendir:', names.sort());

  const dirents = fs.readdirSync(path.join(root, 'src'), { withFileTypes: true });
  console.log(dirents.map((d) => [d.name, d.isFile(), d.isDirectory()]));
  console.log('recursive:', (await fsp.readdir(root, { recursive: true })).sort());

  async function* walk(dir) {
    for await (const d of await fsp.opendir(dir)) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) yield* walk(p);
      else yield p;
    }
  }
  let total = 0;
  const files = [];
  for await (const file of walk(root)) {
    const st = await fsp.stat(file);
    total += st.size;
    files.push(`${path.relative(root, file)} ${st.size}`);
  }
  console.log(files.sort(), 'total bytes:', total);

  const dir = fs.opendirSync(root);
  let first = 0;
  while (dir.readSync() !== null) first++;
  dir.closeSync();
  console.log('entries read synchronously:', first);
  try {
    dir.closeSync();
  } catch (e) {
    console.log(e.code, e.message);
  }
  const made = fs.mkdirSync(path.join(root, 'a', 'b', 'c'), { recursive: true });
  console.log('first created:', path.relative(root, made));
  await fsp.rm(root, { recursive: true });
  console.log('exists after rm:', fs.existsSync(root));
}

main();
