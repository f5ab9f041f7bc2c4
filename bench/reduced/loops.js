// Reduced for callgrind (bench/instructions.py): loops.
let acc = 0;
for (let i = 0; i < 600000; i++) {
  acc = (acc + i * 7) % 1000003;
  if ((i & 1023) === 0) acc ^= i;
}
let j = 0;
while (j < 200000) j += 1;
console.log(acc, j);
