// Memory: 100 000 live suspended generators, each holding an array.
function* holder(i) {
  const data = [i, i + 1, i + 2, i + 3];
  yield data.length;
  yield data[0];
}
const gens = [];
for (let i = 0; i < 100000; i++) {
  const g = holder(i);
  g.next();
  gens.push(g);
}
let s = 0;
for (const g of gens) s += g.next().value;
console.log(gens.length, s);
