// path.win32 is a data property whose module jsgen loads on first read; everything about it,
// and the POSIX half, is as in Node.
const path = require('path');
console.log(Object.keys(path).join());
const d = Object.getOwnPropertyDescriptor(path, 'win32');
console.log(typeof d.value, d.writable, d.enumerable, d.configurable);
console.log(path.join('/a', 'b', '../c'), path.resolve('x').startsWith('/'), path.basename('/q/w.txt', '.txt'));
console.log(path.win32.join('C:\\a', 'b', '..\\c'), path.win32.basename('C:\\x\\y.js'), path.win32.sep, path.win32.delimiter);
console.log(path.win32.win32 === path.win32, path.win32.posix === path, path.posix === path, path.win32.resolve('C:\\a', 'b'));
console.log(path.win32.parse('C:\\path\\dir\\file.txt'), path.win32.isAbsolute('C:\\a'), path.win32.normalize('C:/a//b'));
console.log(path.win32.toNamespacedPath('C:\\a'), path.win32._makeLong === path.win32.toNamespacedPath, path._makeLong === path.toNamespacedPath);
console.log(path.win32.matchesGlob('a\\b.js', '**/*.js'), Object.keys(path.win32).length);
console.log(path);
