// Async generators: for await over an async generator, awaits in the body.
async function* produce(n) {
  for (let i = 0; i < n; i++) {
    await null;
    yield i;
  }
}
async function main() {
  let s = 0;
  for await (const x of produce(100000)) s += x;
  console.log(s);
}
main();
