// Piped answers to readline/promises questions: lines that arrive before the next question
// is asked are not kept for it, so the second question is left pending when stdin ends and
// the program exits quietly with code 0, as Node does.
const readline = require('node:readline/promises');
const { stdin: input, stdout: output } = require('node:process');
(async () => {
  const rl = readline.createInterface({ input, output });
  const name = await rl.question('What is your name? ');
  const age = await rl.question('Age? ');
  console.log(`Hello ${name}, you are ${Number(age) + 1} next year`);
  rl.close();
  const rl2 = require('readline').createInterface({ input: process.stdin });
  let n = 0; for await (const line of rl2) n++;
  console.log('rest lines', n);
})();
