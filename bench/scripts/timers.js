// Timers: many setTimeout callbacks and a long setImmediate chain through the event loop.
let fired = 0;
let imm = 0;
function done() {
  if (fired === 20000 && imm === 20000) console.log(fired, imm);
}
for (let i = 0; i < 20000; i++)
  setTimeout(() => {
    fired++;
    done();
  }, i % 10);
function again() {
  if (++imm < 20000) setImmediate(again);
  else done();
}
setImmediate(again);
