// Intl.NumberFormat / DateTimeFormat / PluralRules / RelativeTimeFormat / ListFormat / Collator
// as tutorials use them. JSON.stringify shows the no-break spaces some locales use.
const show = (label, s) => console.log(label.padEnd(28), JSON.stringify(s).replace(/[\u00a0\u202f]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`));

console.log(typeof Intl, Object.prototype.toString.call(Intl));
console.log(new Intl.NumberFormat());

const locales = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'en-IN', 'pt-BR'];
for (const l of locales) {
  show(`${l} decimal`, new Intl.NumberFormat(l).format(1234567.891));
  show(`${l} small`, new Intl.NumberFormat(l).format(1234.5));
  show(`${l} EUR`, new Intl.NumberFormat(l, { style: 'currency', currency: 'EUR' }).format(1234.5));
  show(`${l} USD`, new Intl.NumberFormat(l, { style: 'currency', currency: 'USD' }).format(-99.999));
  show(`${l} JPY`, new Intl.NumberFormat(l, { style: 'currency', currency: 'JPY' }).format(5000));
  show(`${l} percent`, new Intl.NumberFormat(l, { style: 'percent' }).format(0.256));
  show(`${l} toLocaleString`, (9876543.21).toLocaleString(l));
}

const us = (o, v) => show(JSON.stringify(o), new Intl.NumberFormat('en-US', o).format(v));
for (const v of [999, 1234, 9999, 12345, 999999, 1.5e6, 2.5e9, 7.1e12]) {
  us({ notation: 'compact' }, v);
  us({ notation: 'compact', compactDisplay: 'long' }, v);
}
us({ notation: 'scientific' }, 123456);
us({ notation: 'engineering' }, 0.00012);
for (const s of ['auto', 'always', 'never', 'exceptZero']) us({ signDisplay: s }, -0), us({ signDisplay: s }, 5);
us({ maximumSignificantDigits: 3 }, 123456);
us({ minimumSignificantDigits: 4 }, 1.5);
us({ minimumIntegerDigits: 3 }, 7);
us({ minimumFractionDigits: 2, maximumFractionDigits: 2 }, 1.005);
us({ useGrouping: false }, 1234567);
for (const d of ['symbol', 'code', 'name', 'narrowSymbol']) us({ style: 'currency', currency: 'CAD', currencyDisplay: d }, 1);
us({ style: 'currency', currency: 'USD', currencySign: 'accounting' }, -42);
for (const u of ['kilometer', 'kilometer-per-hour', 'celsius', 'liter', 'megabyte'])
  for (const d of ['short', 'long', 'narrow']) us({ style: 'unit', unit: u, unitDisplay: d }, 2.5);
console.log(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).resolvedOptions());
console.log(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.5));
console.log([1, 22, 333].map(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format));
console.log((12345678901234567890n).toLocaleString('en-IN'), (1234n).toLocaleString('de-DE'));

const d = new Date(Date.UTC(2024, 0, 15, 10, 30, 45));
const pm = new Date(Date.UTC(2024, 11, 5, 22, 5, 9));
for (const l of ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'en-IN']) {
  show(`${l} toLocaleString`, d.toLocaleString(l));
  show(`${l} date`, pm.toLocaleDateString(l));
  show(`${l} time`, pm.toLocaleTimeString(l));
  show(`${l} long`, d.toLocaleDateString(l, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }));
  show(`${l} short`, d.toLocaleDateString(l, { year: 'numeric', month: 'short', day: 'numeric' }));
  for (const s of ['full', 'long', 'medium', 'short'])
    show(`${l} ${s}`, new Intl.DateTimeFormat(l, { dateStyle: s, timeStyle: s, timeZone: 'UTC' }).format(pm));
}
show('default', d.toLocaleString());
show('hour12 false', pm.toLocaleTimeString('en-US', { hour12: false }));
show('2-digit', pm.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' }));
show('weekday short', pm.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' }));
show('month year', pm.toLocaleDateString('en-US', { month: 'long', year: 'numeric' }));
show('New York', pm.toLocaleString('en-US', { timeZone: 'America/New_York', timeZoneName: 'short' }));
show('New York summer', new Date(Date.UTC(2024, 6, 4, 16)).toLocaleString('en-US', { timeZone: 'America/New_York' }));
show('Kolkata', pm.toLocaleString('en-IN', { timeZone: 'Asia/Kolkata' }));
show('Berlin', new Date(Date.UTC(2024, 6, 4, 16)).toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin' }));
console.log(new Intl.DateTimeFormat().resolvedOptions().timeZone);
console.log(new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).resolvedOptions());
console.log([d, pm].map(new Intl.DateTimeFormat('en-GB').format));
try { new Intl.DateTimeFormat('en-US', { timeZone: 'Mars/Base' }); } catch (e) { console.log(e.name, e.message); }

const pr = new Intl.PluralRules('en-US');
const ord = new Intl.PluralRules('en-US', { type: 'ordinal' });
const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
console.log([0, 1, 2, 5].map((n) => pr.select(n)).join(' '));
console.log([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => n + suffix[ord.select(n)]).join(' '));

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const rtfA = new Intl.RelativeTimeFormat('en');
console.log(rtf.format(-1, 'day'), '|', rtf.format(1, 'day'), '|', rtf.format(0, 'day'), '|', rtf.format(-1, 'week'), '|', rtf.format(2, 'months'));
console.log(rtfA.format(3, 'days'), '|', rtfA.format(-2, 'hours'), '|', rtfA.format(-1, 'day'), '|', rtfA.format(1, 'year'));

const items = ['apples', 'bananas', 'cherries'];
console.log(new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(items));
console.log(new Intl.ListFormat('en', { type: 'disjunction' }).format(items));
console.log(new Intl.ListFormat('en').format(items.slice(0, 2)));

const files = ['file10.txt', 'file2.txt', 'File1.txt', 'file1.txt'];
console.log([...files].sort(new Intl.Collator(undefined, { numeric: true }).compare));
console.log('résumé'.localeCompare('resume', 'en', { sensitivity: 'base' }), 'a'.localeCompare('B'));
for (const l of ['es-ES', 'pt-BR']) {
  show(`${l} toLocaleString`, d.toLocaleString(l));
  show(`${l} long`, d.toLocaleDateString(l, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }));
  show(`${l} short`, d.toLocaleDateString(l, { year: 'numeric', month: 'short', day: 'numeric' }));
}
show('en-GB unit', new Intl.NumberFormat('en-GB', { style: 'unit', unit: 'kilometer-per-hour', unitDisplay: 'long' }).format(50));
