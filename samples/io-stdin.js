// Read piped standard input: `for await` over process.stdin, then line statistics.
async function main() {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const lines = text.split('\n').filter((l) => l.length > 0);
  console.log('lines:', lines.length);
  const numbers = lines.map(Number).filter((n) => !Number.isNaN(n));
  console.log('numbers:', numbers);
  console.log('sum:', numbers.reduce((a, b) => a + b, 0));
  console.log('words:', lines.filter((l) => Number.isNaN(Number(l))));
}
main();
