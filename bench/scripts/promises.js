// Promises: long then-chains, Promise.all over many promises, async/await loops.
let p = Promise.resolve(0);
for (let i = 0; i < 100000; i++) p = p.then((v) => v + 1);
p.then(async (v) => {
  const all = await Promise.all(Array.from({ length: 50000 }, (_, i) => Promise.resolve(i)));
  let s = 0;
  for (let i = 0; i < 100000; i++) s += await i;
  console.log(v, all.length, s);
});
