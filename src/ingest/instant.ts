/**
 * Epoch ms of a canonical timestamp (`2024-05-16T09:30:00.123+04:00`), or NaN when the string is
 * not in the exact form the fast path accepts. Hand-written because Date.parse plus the schema's
 * regex costs more than the rest of a post's validation; anything unusual falls back to zod.
 */
export function parseInstant(s: string): number {
  const n = s.length;
  if (n < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  // Years below 1000 are left to zod, which reads them with Date.parse.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59) return NaN;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = digits(s, i + 1, 2);
    if (!(second <= 59)) return NaN;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      let k = i + 1;
      let scale = 100;
      while (k < n && isDigit(s.charCodeAt(k))) {
        ms += (s.charCodeAt(k) - 48) * scale;
        scale /= 10;
        k++;
      }
      const fraction = k - i - 1;
      if (fraction < 1 || fraction > 9) return NaN;
      ms = Math.floor(ms);
      i = k;
    }
  }
  let offset = 0;
  const c = s.charCodeAt(i);
  if (c === 90) {
    i += 1;
  } else if (c === 43 || c === 45) {
    if (s.charCodeAt(i + 3) !== 58) return NaN;
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (!(oh <= 23 && om <= 59)) return NaN;
    offset = (c === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
    i += 6;
  } else {
    return NaN;
  }
  if (i !== n) return NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms - offset;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (years 1000 and later): plain arithmetic costs less than Date.UTC. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let k = at; k < at + count; k++) {
    const c = s.charCodeAt(k);
    if (!isDigit(c)) return NaN;
    v = v * 10 + (c - 48);
  }
  return v;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch ms of a `createdAt` the schema accepted: `parseInstant`, or Date.parse for the few spellings
 * it leaves to zod (years before 1000).
 */
export function instantOf(s: string): number {
  const time = parseInstant(s);
  return time === time ? time : Date.parse(s);
}
