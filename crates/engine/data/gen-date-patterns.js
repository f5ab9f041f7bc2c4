// Generates crates/engine/src/intl_date_patterns.rs: the patterns ICU's DateTimePatternGenerator
// picks (CLDR `availableFormats`) for the option bags where ICU4X's semantic skeletons choose
// otherwise (numeric dates: de `d.M.y` where ICU4X has the short date style `dd.MM.y`; the hour
// alone: `HH 'Uhr'`; a weekday with a time: `E h:mm a` where ICU4X glues `E, h:mm a`), read off
// the reference Node's formatToParts. ICU4X 2.x ships no availableFormats. Run with the
// reference Node:
//   HOME=/root /work/shared/reference-node/node crates/engine/data/gen-date-patterns.js \
//     > crates/engine/src/intl_date_patterns.rs
'use strict';
const { languages, perLocale, rust } = require('./gen-common.js');
const langs = languages();
const regional = ['en-IN', 'en-GB', 'en-AU', 'en-CA', 'en-NZ', 'en-IE', 'en-ZA', 'en-SG',
  'de-CH', 'de-AT', 'fr-CA', 'fr-CH', 'fr-BE', 'es-MX', 'es-US', 'es-419', 'es-AR', 'es-CO',
  'pt-PT', 'pt-BR', 'zh-TW', 'zh-HK', 'nl-BE', 'it-CH', 'ar-EG', 'ar-SA', 'sr-Latn', 'ms-SG'];
// The option bags (named by their UTS 35 skeleton) taken from Node: every combination of a
// weekday, year, month and day width, and the times.
const bags = {};
for (const E of ['', 'E', 'EEEE']) {
  for (const y of ['', 'y']) {
    for (const M of ['', 'M', 'MMM', 'MMMM']) {
      for (const d of ['', 'd']) {
        const key = y + M + E + d;
        if (!key) continue;
        const bag = {};
        if (E) bag.weekday = E === 'E' ? 'short' : 'long';
        if (y) bag.year = 'numeric';
        if (M) bag.month = { M: 'numeric', MMM: 'short', MMMM: 'long' }[M];
        if (d) bag.day = 'numeric';
        bags[key] = bag;
      }
    }
  }
}
Object.assign(bags, {
  h: { hour: 'numeric', hourCycle: 'h12' },
  H: { hour: 'numeric', hourCycle: 'h23' },
  hm: { hour: 'numeric', minute: 'numeric', hourCycle: 'h12' },
  Hm: { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' },
  hms: { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h12' },
  Hms: { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' },
  ms: { minute: 'numeric', second: 'numeric' },
  Ehm: { weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h12' },
  EHm: { weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' },
});
// dateStyle and timeStyle (with the locale's own hour cycle), alone and together: keys
// `Dfull`, `Tshort`, `DfullTshort`.
const styles = ['full', 'long', 'medium', 'short'];
for (const D of ['', ...styles]) {
  for (const T of ['', ...styles]) {
    if (!D && !T) continue;
    const bag = {};
    if (D) bag.dateStyle = D;
    if (T) bag.timeStyle = T;
    bags[(D ? 'D' + D : '') + (T ? 'T' + T : '')] = bag;
  }
}
// 2024-01-05 05:07:09 UTC: every numeric field is one digit unless the pattern pads it.
const sample = new Date(Date.UTC(2024, 0, 5, 5, 7, 9));
const letters = { year: 'y', month: 'M', day: 'd', minute: 'm', second: 's' };
const hourLetter = { h11: 'K', h12: 'h', h23: 'H', h24: 'k' };
const quote = (s) => (/[A-Za-z']/.test(s) ? `'${s.replace(/'/g, "''")}'` : s);
// Text fields are written at the width asked for (the formatter sets it again); a month or
// weekday name is the stand-alone form (L, c) when it is not the one a date with a day uses
// (el `Ιανουάριος` alone, `Ιανουαρίου` in a date).
function formatNames(l) {
  const pick = (bag, type) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...bag })
    .formatToParts(sample).find((x) => x.type === type)?.value;
  return {
    month: { short: pick({ month: 'short', day: 'numeric' }, 'month'), long: pick({ month: 'long', day: 'numeric' }, 'month') },
    weekday: { short: pick({ weekday: 'short', month: 'long', day: 'numeric' }, 'weekday'), long: pick({ weekday: 'long', month: 'long', day: 'numeric' }, 'weekday') },
    // Stand-alone forms (a style may use them: fi `cccc d. MMMM y`).
    monthAlone: { short: pick({ month: 'short' }, 'month'), long: pick({ month: 'long' }, 'month') },
    weekdayAlone: { short: pick({ weekday: 'short' }, 'weekday'), long: pick({ weekday: 'long' }, 'weekday') },
  };
}
// A month or weekday name's letters: the width the bag asked for, with the stand-alone
// letter when the name is not the format form.
function textField(value, asked, format, alone, formatLetter, aloneLetter) {
  const w = asked === 'long' ? 'long' : 'short';
  return (value === format[w] ? formatLetter : aloneLetter).repeat(w === 'long' ? 4 : 3);
}
// For a style, which form and width its month (or weekday) names are: the values it prints
// for all twelve months (seven weekdays) against each form, since one sample can read the
// same in both (ru `янв.`, but `мар.` and `март`).
const monthDates = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2024, m, 5, 5, 7, 9)));
const dayDates = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2024, 0, 1 + d, 5, 7, 9)));
function styleText(l, bag, type) {
  const dates = type === 'month' ? monthDates : dayDates;
  const value = (b, at) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...b })
    .formatToParts(at).find((x) => x.type === type)?.value;
  const got = dates.map((at) => value(bag, at));
  // Stand-alone first: where both forms print the same in Node, the stand-alone letter is
  // the one ICU4X prints that way too (fi: Node never shows the format form `maanantaina`).
  const forms = type === 'month' ?
    { LLLL: { month: 'long' }, LLL: { month: 'short' },
      MMMM: { month: 'long', day: 'numeric' }, MMM: { month: 'short', day: 'numeric' } } :
    { cccc: { weekday: 'long' }, ccc: { weekday: 'short' },
      EEEE: { weekday: 'long', month: 'long', day: 'numeric' }, EEE: { weekday: 'short', month: 'long', day: 'numeric' } };
  for (const [letters, b] of Object.entries(forms)) {
    if (dates.every((at, i) => value(b, at) === got[i])) return letters;
  }
  return null;
}
// Whether a style's day period is the flexible one (B: zh `凌晨`/`晚上`) rather than AM/PM:
// it reads as the flexible period at the sample time and at 20:07 too.
const evening = new Date(Date.UTC(2024, 0, 5, 20, 7, 9));
function isFlexible(l, bag, value) {
  if (!bag.timeStyle) return false;
  const period = (bag2, at) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...bag2 })
    .formatToParts(at).find((x) => x.type === 'dayPeriod')?.value;
  const flexible = (at) => period({ hour: 'numeric', dayPeriod: 'short' }, at);
  const styled = period(bag, evening);
  return value === flexible(sample) && styled === flexible(evening) &&
    (value !== period({ hour: 'numeric', hourCycle: 'h12' }, sample) ||
     styled !== period({ hour: 'numeric', hourCycle: 'h12' }, evening));
}
function pattern(l, bag, names) {
  const f = new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...bag });
  const hc = f.resolvedOptions().hourCycle;
  const parts = f.formatToParts(sample);
  let p = '';
  for (const part of parts) {
    const digits = /^\p{Nd}+$/u.test(part.value);
    if (part.type === 'literal') p += quote(part.value);
    else if (part.type === 'hour') p += hourLetter[hc].repeat(part.value.length);
    else if (part.type === 'dayPeriod') p += isFlexible(l, bag, part.value) ? 'B' : 'a';
    else if (part.type === 'weekday') {
      p += bag.weekday ? textField(part.value, bag.weekday, names.weekday, names.weekdayAlone, 'E', 'c') :
        styleText(l, bag, 'weekday');
    } else if (part.type === 'month' && !digits) {
      p += bag.month ? textField(part.value, bag.month, names.month, names.monthAlone, 'M', 'L') :
        styleText(l, bag, 'month');
    } else if (part.type === 'year') p += digits && part.value.length === 2 ? 'yy' : 'y';
    else if (part.type === 'era') p += 'G';
    else if (part.type === 'timeZoneName') p += bag.timeStyle === 'full' ? 'zzzz' : 'z';
    else if (letters[part.type]) p += letters[part.type].repeat(part.value.length);
    else return null; // relatedYear, yearName, ...: ICU4X's pattern stays
  }
  return p.includes('null') ? null : p;
}
// One child process per locale (gen-common.js's perLocale).
if (process.argv[2]) {
  const l = process.argv[2];
  const own = new Intl.DateTimeFormat(l).resolvedOptions().locale;
  const out = {};
  if (own === l) {
    const names = formatNames(l);
    // Styles only where the locale's calendar is the Gregorian one the sample date's digits
    // were chosen for (fa and th use other calendars by default).
    const gregorian = new Intl.DateTimeFormat(l).resolvedOptions().calendar === 'gregory';
    for (const [k, bag] of Object.entries(bags)) {
      if (!gregorian && (bag.dateStyle || bag.timeStyle)) continue;
      const p = pattern(l, bag, names);
      if (p !== null) out[k] = p;
    }
    // The locale's own hour cycle, as Node resolves it.
    out.hc = new Intl.DateTimeFormat(l, { timeStyle: 'short' }).resolvedOptions().hourCycle;
  }
  process.stdout.write(JSON.stringify(out));
  return;
}
const rows = [];
const byLang = {};
for (const [l, got] of perLocale(__filename, [...langs, ...regional])) {
  const lang = l.split('-')[0];
  for (const [k, p] of Object.entries(got)) {
    if (l === lang) byLang[l + k] = p;
    else if (byLang[lang + k] === p) continue;
    rows.push(`${l}\t${k}\t${p}`);
  }
}
const table = rows.join('\n');
console.log(`// @generated by crates/engine/data/gen-date-patterns.js with Node ${process.version} (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}). Do not edit.

/// Rows \`locale\\tskeleton\\tpattern\`: the pattern Node's ICU picks for an option bag (see
/// the generator); regional locales only where they differ from their language.
pub(crate) static INTL_DATE_PATTERNS: &str = ${rust(table)};`);
