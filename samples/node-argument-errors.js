// Node's ERR_INVALID_ARG_TYPE for timers and queueMicrotask, and atob's two DOMException
// messages.
const bad = ['str', "it's", "it's a much longer string than twenty-five", -0, 5, true, 10n, Symbol('s'), { a: 1 }, [1], null, 'a much longer string than twenty-five characters'];
for (const v of bad) {
  for (const [name, f] of [
    ['setTimeout', () => setTimeout(v, 10)],
    ['setInterval', () => setInterval(v, 10)],
    ['setImmediate', () => setImmediate(v)],
    ['queueMicrotask', () => queueMicrotask(v)],
  ]) {
    try {
      f();
    } catch (e) {
      console.log(name, e.name, e.code, e.message);
    }
  }
}

for (const s of ['*', 'abc*', 'a', 'abcde', 'ab=c', 'ab==', 'ab===', 'a===', 'YQ=', 'abcde=', 'a=', '=', 'ab=', ' a b c d e ', 'YWJj', '\u0100']) {
  try {
    console.log(JSON.stringify(s), JSON.stringify(atob(s)));
  } catch (e) {
    console.log(JSON.stringify(s), e.name, e.code, e.message);
  }
}
