/**
 * Header-cell normalisation. Agency spreadsheets write the same column header in many ways:
 * full-width letters and brackets, spaces inside words (`身 份 证 号`), line breaks inside a
 * merged cell, a `*` or `※` marking a required column, a trailing colon, and a money unit in
 * brackets (`金额（万元）`). {@link parseHeader} reduces all of them to one comparable text and
 * reports the money unit separately, so the importer can scale 万元 values to 元.
 */

/** A money unit hinted at by a header: 元 or 万元 (ten thousand yuan). */
export type HeaderUnit = 'yuan' | 'wan';

export interface ParsedHeader {
  /** The normalised header text, without the unit bracket or suffix. */
  readonly text: string;
  /** The money unit the header names, if any. */
  readonly unit: HeaderUnit | null;
}

/**
 * Whitespace of every kind: `\s` covers ASCII whitespace, NBSP, U+3000 (ideographic space),
 * U+FEFF and the line separators; zero-width characters are added because Word/WPS exports
 * leave them inside copied headers.
 */
const WHITESPACE = /[\s\u200B-\u200D\u2060\u180E]/gu;
/** Full-width ASCII block U+FF01..U+FF5E maps to U+0021..U+007E by subtracting 0xFEE0. */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/gu;
const OPEN_BRACKETS = /[【[〔［﹙〖]/gu;
const CLOSE_BRACKETS = /[】\]〕］﹚〗]/gu;
/** Required-field markers at either end (agency templates put them before or after the text). */
const LEADING_MARKERS = /^[*※]+/u;
const TRAILING_MARKERS = /[*※:]+$/u;
/** `(元)`, `(万元)`, `(单位:元)`, `(人民币万元)`, `(万)` at the end of the header. */
const UNIT_BRACKET = /\((?:单位:?)?(?:人民币)?(万元|元|万)\)$/u;
/** A bare `万元` suffix, e.g. `注册资本万元`. A bare `元` is not a unit: `单元` ends with it. */
const WAN_SUFFIX = /万元$/u;

const MAX_PASSES = 32;

function unitOf(token: string): HeaderUnit {
  return token === '元' ? 'yuan' : 'wan';
}

/** One normalisation pass: character-level clean-up, then markers, then a unit at the end. */
function pass(text: string): { text: string; unit: HeaderUnit | null } {
  let t = text
    .normalize('NFKC')
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(WHITESPACE, '')
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')');
  const unmarked = t.replace(LEADING_MARKERS, '').replace(TRAILING_MARKERS, '');
  // A header that is nothing but markers ("*") stays as it is rather than becoming empty.
  if (unmarked !== '') t = unmarked;

  let unit: HeaderUnit | null = null;
  const bracket = UNIT_BRACKET.exec(t);
  if (bracket) {
    unit = unitOf(bracket[1] ?? '');
    const rest = t.slice(0, bracket.index);
    if (rest !== '') t = rest;
  } else if (WAN_SUFFIX.test(t)) {
    unit = 'wan';
    const rest = t.slice(0, -2);
    if (rest !== '') t = rest;
  }
  return { text: t, unit };
}

/**
 * Normalise a raw header cell for matching, and detect a money unit hint.
 *
 * Steps: Unicode NFKC (which also folds full-width ASCII and Kangxi radicals), full-width ASCII
 * to half-width, remove all whitespace including U+3000 and line breaks, unify `（）【】[]〔〕`
 * to `()`, drop `*`/`※` required markers and trailing `:`/`：`, then strip a trailing unit
 * bracket `(元)`/`(万元)` or suffix `万元` and report it as `unit`. The passes repeat until
 * nothing changes, so the result is idempotent: `parseHeader(parseHeader(x).text).text` equals
 * `parseHeader(x).text`. When more than one unit is stripped the first one found (the
 * right-most) wins. A header is never reduced to the empty string by marker or unit stripping.
 *
 * @example
 * parseHeader(' *金额（万元）：');   // { text: '金额', unit: 'wan' }
 * parseHeader('罚款金额(元)');       // { text: '罚款金额', unit: 'yuan' }
 * parseHeader('身 份 证\n号');       // { text: '身份证号', unit: null }
 * parseHeader('【案号】');           // { text: '(案号)', unit: null }
 */
export function parseHeader(raw: string): ParsedHeader {
  let text = raw;
  let unit: HeaderUnit | null = null;
  // Passes only remove characters or compose them (NFKC), so a fixpoint comes within a few
  // passes; the bound is a guard, not a limit real headers reach.
  for (let i = 0; i < MAX_PASSES; i++) {
    const next = pass(text);
    unit ??= next.unit;
    if (next.text === text) break;
    text = next.text;
  }
  return { text, unit };
}

/**
 * The key headers and aliases are compared by: {@link parseHeader}'s text, lower-cased so that
 * ASCII headers such as `LAT`/`lat` or `VIN`/`vin` match too.
 *
 * @example
 * headerKey('（LNG）') === headerKey('(lng)'); // true
 */
export function headerKey(raw: string): string {
  return parseHeader(raw).text.toLowerCase();
}
