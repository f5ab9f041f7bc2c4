// A generator consumed by for...of: 1 M yields, the result objects never observed.
function* count(n) {
  for (let i = 0; i < n; i++) yield i;
}
let s = 0;
for (const x of count(1000000)) s += x & 7;
console.log(s);
