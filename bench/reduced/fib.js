// Reduced for callgrind (bench/instructions.py): fib.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
let total = 0;
total += fib(25);
console.log(total);
