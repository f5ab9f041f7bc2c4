// Generates crates/engine/src/intl_date_intervals.rs: how ICU's DateIntervalFormat lays out
// `formatRange` (CLDR `intervalFormats`: `Jan 3 – 5, 2019`, `10:00 – 11:00 AM`), read off the
// reference Node's formatRangeToParts. ICU4X 2.x has no interval formats (its range formatter
// is not in the stable crates). Run with the reference Node:
//   HOME=/root /work/shared/reference-node/node crates/engine/data/gen-date-intervals.js \
//     > crates/engine/src/intl_date_intervals.rs
//
// A row is `locale\tbag\tfield\ttemplate`: for the option bag (named as
// `intl_date_interval.rs`'s `bag_keys` names it) and the greatest calendar field that differs
// between the two dates (G y M d a h m s), the parts in order, each a source (`=` shared,
// `<` startRange, `>` endRange) then pattern letters (their width) or a quoted literal; `~`
// then a sign: the two whole dates joined by that sign; `^d`: the bag's row for `d`; the row
// `locale\t+\t+\tglue` joins a date and its times when a time differs. Rows that are the locale's fallback
// (the two dates joined by its commonest sign, the row `locale\t*\t*\tsign`) and single dates
// (no field differs that the bag shows) are left out; only the languages in `withLayouts` have
// layouts; regional locales only where they differ from their language (`-`: the fallback where
// the language has a row).
'use strict';
const { languages, perLocale, rust } = require('./gen-common.js');
const langs = languages();
const regional = ['en-IN', 'en-GB', 'en-AU', 'en-CA', 'en-NZ', 'en-IE', 'en-ZA', 'en-SG',
  'de-CH', 'de-AT', 'fr-CA', 'fr-CH', 'fr-BE', 'es-MX', 'es-US', 'es-419', 'es-AR', 'es-CO',
  'pt-PT', 'pt-BR', 'zh-TW', 'zh-HK', 'nl-BE', 'it-CH', 'ar-EG', 'ar-SA', 'sr-Latn', 'ms-SG'];
// The languages whose layouts are kept (the others keep only their range sign: the table
// would be 2 MB for all 264 locales).
const withLayouts = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'no', 'fi', 'pl',
  'cs', 'sk', 'ru', 'uk', 'be', 'tr', 'el', 'he', 'ar', 'fa', 'ur', 'hi', 'bn', 'ta', 'te', 'mr',
  'ja', 'zh', 'ko', 'id', 'ms', 'vi', 'th', 'fil', 'lt', 'lv', 'et', 'ga', 'cy', 'sl', 'hr', 'sr',
  'bs', 'bg', 'mk', 'ro', 'hu', 'ca', 'eu', 'gl', 'is', 'af', 'sw', 'kk', 'az', 'ka', 'hy'];
const bags = {};
const dateBag = (key) => {
  const bag = {};
  const m = /^(E{0,4})(G?)(y?)(M{0,4})(d?)$/.exec(key);
  if (m[1]) bag.weekday = m[1] === 'E' ? 'short' : 'long';
  if (m[2]) bag.era = 'short';
  if (m[3]) bag.year = 'numeric';
  if (m[4]) bag.month = { M: 'numeric', MMM: 'short', MMMM: 'long' }[m[4]];
  if (m[5]) bag.day = 'numeric';
  return bag;
};
const timeBags = {
  h: { hour: 'numeric', hourCycle: 'h12' },
  H: { hour: 'numeric', hourCycle: 'h23' },
  hm: { hour: 'numeric', minute: 'numeric', hourCycle: 'h12' },
  Hm: { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' },
  hms: { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h12' },
  Hms: { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' },
};
// The date bags learners use most; a date with a time is the time bag's layout after the
// date's own parts (ICU's rule when a time field differs; see intl_date_interval.rs).
for (const key of ['y', 'M', 'MMM', 'MMMM', 'd', 'yM', 'yMMM', 'yMMMM', 'Md', 'MMMd', 'MMMMd', 'yMd',
  'yMMMd', 'yMMMMd', 'Ed', 'EMd', 'EMMMd', 'EEEEMMMMd', 'EyMd', 'EyMMMd', 'EEEEyMMMMd', 'Gy', 'GyMMMd']) {
  bags[key] = dateBag(key);
}
// Two-digit months and days: ICU's interval patterns keep their own widths (`1/5/2024 –
// 1/8/2024`), unlike the single date (`01/05/2024`).
bags.yMMdd = { year: 'numeric', month: '2-digit', day: '2-digit' };
bags.MMdd = { month: '2-digit', day: '2-digit' };
Object.assign(bags, timeBags);
const styles = ['full', 'long', 'medium', 'short'];
for (const st of styles) {
  bags[`${st}/-`] = { dateStyle: st };
  bags[`-/${st}`] = { timeStyle: st };
  // A date style with a time style: ICU joins the date and the times with the glue without
  // `at` (en `January 15, 2024, 9:05 – 9:45 AM`).
  for (const ts of ['short', 'medium']) bags[`${st}/${ts}`] = { dateStyle: st, timeStyle: ts };
}
const U = (...a) => new Date(Date.UTC(...a));
// 2019-01-03 09:04:03: every numeric field of the start is one digit unless the pattern pads
// it (the letters are repeated as its digits are).
const start = U(2019, 0, 3, 9, 4, 3);
// For each greatest differing field, an end date that differs there and in every smaller one.
const ends = {
  G: U(-50, 1, 5, 10, 5, 6),
  y: U(2020, 1, 5, 10, 5, 6),
  M: U(2019, 1, 5, 10, 5, 6),
  d: U(2019, 0, 5, 10, 5, 6),
  a: U(2019, 0, 3, 13, 5, 6),
  h: U(2019, 0, 3, 10, 5, 6),
  m: U(2019, 0, 3, 9, 5, 6),
  s: U(2019, 0, 3, 9, 4, 6),
};
const hourLetter = { h11: 'K', h12: 'h', h23: 'H', h24: 'k' };
// The pattern letters of a part: a number's digits give its width; a name is looked up among
// the locale's names of that date (ICU's interval patterns keep their own widths: ru's full
// date range has abbreviated weekdays, its month range the stand-alone `март`).
function letters(l, p, bag, hc, date) {
  const n = p.value.length;
  const digits = /^\p{Nd}+$/u.test(p.value);
  const name = (o, type) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...o })
    .formatToParts(date).find((x) => x.type === type)?.value;
  const text = (type, forms, fallback) => forms.find(([, o]) => name(o, type) === p.value)?.[0] ?? fallback;
  switch (p.type) {
    case 'era': return 'G';
    case 'year': return n === 2 ? 'yy' : 'y';
    case 'month': return digits ? 'M'.repeat(n) : text('month', [
      ['MMM', { month: 'short', day: 'numeric' }], ['MMMM', { month: 'long', day: 'numeric' }],
      ['LLL', { month: 'short' }], ['LLLL', { month: 'long' }]],
    (bag.month === 'long' || bag.dateStyle === 'long' || bag.dateStyle === 'full') ? 'MMMM' : 'MMM');
    case 'day': return 'd'.repeat(n);
    case 'weekday': return text('weekday', [
      ['EEE', { weekday: 'short', month: 'long', day: 'numeric' }],
      ['EEEE', { weekday: 'long', month: 'long', day: 'numeric' }]],
    bag.weekday === 'long' || bag.dateStyle === 'full' ? 'EEEE' : 'EEE');
    case 'dayPeriod': return 'a';
    case 'hour': return hourLetter[hc].repeat(n);
    case 'minute': return 'm'.repeat(n);
    case 'second': return 's'.repeat(n);
    case 'timeZoneName': return bag.timeStyle === 'full' ? 'zzzz' : 'z';
    default: return '?';
  }
}
const src3 = { shared: '=', startRange: '<', endRange: '>' };
const quote = (s) => `'${s.replace(/'/g, "''")}'`;
function locale(l) {
  const rows = {};
  const signs = {};
  const full = withLayouts.includes(l.split('-')[0]);
  for (const [k, bag] of Object.entries(bags)) {
    const f = new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...bag });
    const hc = f.resolvedOptions().hourCycle;
    for (const [field, end] of Object.entries(ends)) {
      if (field === 'G' && !bag.era) continue;
      // Date and time styles together: only a time differing (a date is two whole dates).
      if (bag.dateStyle && bag.timeStyle && !'ahms'.includes(field)) continue;
      const parts = f.formatRangeToParts(start, end);
      if (parts.every((p) => p.source === 'shared')) continue;
      // A part of the end date has the width of the start's part of the same type, when the
      // start shows it (else its own, read off the end date's value).
      let t = '';
      for (const p of parts) {
        t += src3[p.source];
        const own = parts.find((x) => x.type === p.type && x.source !== 'endRange'
          && /^\p{Nd}+$/u.test(x.value) === /^\p{Nd}+$/u.test(p.value));
        // A number's width is the start's (an end `10` reads as two digits either way).
        const numeric = /^\p{Nd}+$/u.test(p.value);
        const [q, date] = p.source === 'endRange' && own && numeric ? [own, start] : [p, p.source === 'endRange' ? end : start];
        t += p.type === 'literal' ? quote(p.value) : letters(l, q, bag, hc, date);
      }
      // The fallback: the two dates whole, joined by a shared literal.
      const a = f.formatToParts(start);
      const b = f.formatToParts(end);
      const n = a.length;
      const fallback = parts.length === n + b.length + 1
        && parts.slice(0, n).every((p, i) => p.source === 'startRange' && p.value === a[i].value)
        && parts.slice(n + 1).every((p, i) => p.source === 'endRange' && p.value === b[i].value)
        && parts[n].type === 'literal' && parts[n].source === 'shared';
      if (fallback) {
        signs[parts[n].value] = (signs[parts[n].value] ?? 0) + 1;
        t = `~${parts[n].value}`;
      }
      rows[`${k}\t${field}`] = t;
    }
  }
  // The commonest sign of the fallbacks is the locale's; the fallbacks with it are left out.
  const sign = Object.entries(signs).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ' – ';
  for (const [k, t] of Object.entries(rows)) if (t === `~${sign}`) delete rows[k];
  // A year or month row equal to the bag's day row is `^d` (a time bag's whole dates).
  for (const k of Object.keys(bags)) {
    for (const f of ['y', 'M']) {
      const day = rows[`${k}\td`];
      if (day !== undefined && rows[`${k}\t${f}`] === day) rows[`${k}\t${f}`] = '^d';
    }
  }
  rows['*\t*'] = sign;
  // The glue of a date and the times when a time differs (en `, `, pt `' '`, fi ` ` where the
  // date alone has ` klo `): the literal between the date's last field and the first time.
  const g = new Intl.DateTimeFormat(l, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: 'numeric' })
    .formatRangeToParts(start, ends.h);
  const firstTime = g.findIndex((p) => ['hour', 'minute', 'dayPeriod'].includes(p.type));
  const lastDate = g.findLastIndex((p, i) => i < firstTime && ['year', 'month', 'day'].includes(p.type));
  if (firstTime > 0 && lastDate >= 0) {
    rows['+\t+'] = g.slice(lastDate + 1, firstTime).map((p) => p.value).join('');
  }
  return full ? rows : { '*\t*': sign };
}
if (process.argv[2]) {
  const l = process.argv[2];
  const own = new Intl.DateTimeFormat(l).resolvedOptions().locale;
  process.stdout.write(JSON.stringify(own === l ? locale(l) : null));
  return;
}
const out = [];
const byLang = {};
for (const [l, got] of perLocale(__filename, [...langs, ...regional])) {
  if (!got) continue;
  const lang = l.split('-')[0];
  if (l === lang) {
    byLang[l] = got;
    for (const [k, v] of Object.entries(got)) out.push(`${l}\t${k}\t${v}`);
    continue;
  }
  // A regional locale: its rows that differ from its language's, and `-` (the fallback) where
  // the language has a row and it has none.
  const own = byLang[lang] ?? {};
  for (const k of new Set([...Object.keys(own), ...Object.keys(got)])) {
    if (own[k] !== got[k]) out.push(`${l}\t${k}\t${got[k] ?? '-'}`);
  }
}
console.log(`// @generated by crates/engine/data/gen-date-intervals.js with Node ${process.version} (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}). Do not edit.

/// Rows \`locale\\tbag\\tfield\\ttemplate\` (see the generator): ICU's interval layouts.
pub(crate) static INTL_DATE_INTERVALS: &str = ${rust(out.join('\n'))};`);
