// Plain compute: numeric loops, locals, arithmetic, bit operations.
let acc = 0;
for (let i = 0; i < 3000000; i++) {
  acc = (acc + i * 7) % 1000003;
  if ((i & 1023) === 0) acc ^= i;
}
let j = 0;
while (j < 1000000) j += 1;
console.log(acc, j);
