// A .js file that only parses with top-level `await` runs as an ES module in Node 24, also
// when the CommonJS parse failed with "missing ) after argument list" (`f(await x)`) or an
// "Unexpected ..." message (`for await` at the top level).
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));

async function* countdown(n) {
  while (n > 0) {
    await sleep(1);
    yield n--;
  }
}

console.log(await sleep(2, 'slept'));
for await (const n of countdown(3)) console.log('count', n);
const values = [await sleep(1, 'a'), await sleep(1, 'b')];
console.log(values, typeof require, typeof module, typeof import.meta.url);
