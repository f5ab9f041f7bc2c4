// A minute or a second asked for alone prints unpadded (ICU's `m`/`s` skeletons), even for
// '2-digit', and resolves as 'numeric'.
const d = new Date(Date.UTC(2024, 2, 5, 7, 8, 9, 10));
const options = [
  { minute: 'numeric' },
  { minute: '2-digit' },
  { second: 'numeric' },
  { second: '2-digit' },
  { second: 'numeric', fractionalSecondDigits: 1 },
  { minute: 'numeric', second: 'numeric' },
  { minute: 'numeric', fractionalSecondDigits: 2 },
  { hour: 'numeric', minute: 'numeric' },
];
for (const o of options) {
  const text = ['en-US', 'de', 'ja', 'ar-EG'].map((l) => d.toLocaleTimeString(l, { timeZone: 'UTC', ...o })).join(' | ');
  const { minute, second } = new Intl.DateTimeFormat('en', { timeZone: 'UTC', ...o }).resolvedOptions();
  console.log(JSON.stringify(o), text, minute, second);
}
