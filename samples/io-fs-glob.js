// fs.globSync / fs.glob / fsPromises.glob and path.matchesGlob: Node's walk order (files of a
// directory first, then its subdirectories, the last one first), dot files, `**`, braces,
// character classes, extglobs, `exclude` (patterns or a function), `withFileTypes`, several
// patterns, `cwd`.
const fs = require('fs');
const os = require('os');
const path = require('path');
const d = fs.mkdtempSync(path.join(os.tmpdir(), 'glob-'));
for (const f of ['x.js', 'y.txt', '.dot.js', 'a/1.js', 'a/z.txt', 'a/b/2.js', 'a/b/c/3.js', 'd/4.js', 'e/.hidden.js', 'n/f1', 'n/f2', 'n/f10']) {
  fs.mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
  fs.writeFileSync(path.join(d, f), f);
}
const patterns = ['**/*.js', '*', '**', 'a/**', '**/', '*/*.js', 'a/**/*.js', '{x,y}.*', '**/[0-9].js',
  './*.js', 'a/../x.js', 'nonexistent/*', 'x.js', 'a/b', '**/.*', '*/', 'a/*/', '**/b/**', '+(x|y).*',
  '!(x).js', 'a/{b,z.txt}', '{a,d}/**/*.js', '**/*.{js,txt}', 'n/f{1..3}', 'n/f{01..10}', 'n/*[!0]',
  'n/f[[:digit:]]*', '**/c/**/*.js', '**/..'];
for (const p of patterns) console.log(JSON.stringify(p).padEnd(18), JSON.stringify(fs.globSync(p, { cwd: d })));
console.log(fs.globSync('**/*.js', { cwd: d, exclude: ['a/**'] }));
console.log(fs.globSync('**/*.js', { cwd: d, exclude: (name) => name.startsWith('a') }));
console.log(fs.globSync(['*.js', '*.txt'], { cwd: d }));
console.log(fs.globSync('*', { cwd: d, withFileTypes: true }).map((e) => `${e.name}:${e.isDirectory()}:${e.parentPath === d}`));
console.log(['a/b/c.js', 'x.JS', '.x.js', 'a/.b/c.js', 'a/b/', 'abc', 'x/y.ts', 'a.js', 'file10']
  .map((f) => [f, path.matchesGlob(f, f === 'abc' ? 'a?c' : f === 'file10' ? 'file[0-9][0-9]' : f === 'a.js' ? '!(*.js)' : '**/*.{js,ts}')]));
for (const bad of [[1], ['*', { exclude: 5 }], ['*', { cwd: d, withFileTypes: true, followSymlinks: 'yes' }]]) {
  try { fs.globSync(...bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { path.matchesGlob('a', 1); } catch (e) { console.log(e.name, e.code, e.message); }
(async () => {
  const found = [];
  for await (const f of fs.promises.glob('**/*.txt', { cwd: d })) found.push(f);
  console.log('promises.glob', found);
  fs.glob('a/**/*.js', { cwd: d }, (err, matches) => {
    console.log('glob callback', err, matches);
    fs.rmSync(d, { recursive: true });
  });
})();
