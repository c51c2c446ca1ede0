import { pinyin } from 'pinyin-pro';

/**
 * Pinyin keys of person names, for collisions that must find the same person written with
 * different characters of the same sound (周某 / 舟某, a clerk's homophone typo, a name taken down
 * by ear): each character becomes its toneless pinyin syllable, separated by spaces, so
 * 张三 and 章三 share the key `zhang san` while 西安 (`xi an`) and 先 (`xian`) do not.
 *
 * The syllables come from a table of every CJK Unified Ideograph (U+4E00–U+9FFF) built from
 * pinyin-pro at run time: the common reading of each character, and for the first character the
 * reading as a surname where it differs (单 shan, 曾 zeng, 仇 qiu, 朴 piao …). ASCII letters and
 * digits are kept (lower-cased); everything else (dots, spaces, other scripts) is left out. The
 * SQL form joins the same table (`PINYIN_TABLE`, a temporary table filled by the runner) so the
 * key is computed set-wise inside the engine; this TS form is its reference, tested to agree.
 *
 * Limits: a character with several readings always takes the common one outside the surname
 * position (a homophone spelled with a character read another way is missed), and the key does
 * not forgive near sounds (zh/z, n/l, in/ing) that southern speakers mix.
 */

/** The lookup table the SQL key joins: `ch` → `py` (common reading) and `surname` (surname reading, where different). */
export const PINYIN_TABLE = 'jd_pinyin';

export interface PinyinEntry {
  readonly ch: string;
  readonly py: string;
  readonly surname: string | null;
}

/** What survives into a key: ASCII letters and digits, and the Han ideographs the table covers. */
export const PINYIN_KEY_CHAR = '[0-9A-Za-z\u4e00-\u9fff]';
const KEY_CHAR = new RegExp(`^${PINYIN_KEY_CHAR}$`, 'u');

let entries: readonly PinyinEntry[] | undefined;
let byChar: ReadonlyMap<string, PinyinEntry> | undefined;

/** The table's rows (about 20,900), built once per process (about 0.2 s). */
export function pinyinEntries(): readonly PinyinEntry[] {
  if (entries) return entries;
  const out: PinyinEntry[] = [];
  for (let code = 0x4e00; code <= 0x9fff; code++) {
    const ch = String.fromCodePoint(code);
    const py = syllable(pinyin(ch, { toneType: 'none', type: 'array' })[0]);
    if (py === null || py === ch) continue;
    const surname = syllable(pinyin(ch, { toneType: 'none', type: 'array', surname: 'head' })[0]);
    out.push({ ch, py, surname: surname !== null && surname !== py ? surname : null });
  }
  entries = out;
  return out;
}

/** A toneless syllable in plain ASCII (ü as v), or null when pinyin-pro has no reading. */
function syllable(text: string | undefined): string | null {
  if (!text) return null;
  const s = text.replaceAll('ü', 'v').toLowerCase();
  return /^[a-z]+$/.test(s) ? s : null;
}

function lookup(): ReadonlyMap<string, PinyinEntry> {
  byChar ??= new Map(pinyinEntries().map((e) => [e.ch, e]));
  return byChar;
}

/**
 * The pinyin key of a (normalised) person name; null when nothing is left.
 *
 * @example personPinyinKey('张三') // 'zhang san'
 * @example personPinyinKey('单雄信') // 'shan xiong xin' (单 as a surname)
 * @example personPinyinKey('阿卜杜·艾力') // 'a bu du ai li'
 */
export function personPinyinKey(name: string | null): string | null {
  if (name === null) return null;
  const table = lookup();
  const parts: string[] = [];
  let position = 0;
  for (const ch of name) {
    position++;
    if (!KEY_CHAR.test(ch)) continue;
    const entry = table.get(ch);
    parts.push(entry ? ((position === 1 ? entry.surname : null) ?? entry.py) : ch.toLowerCase());
  }
  return parts.length === 0 ? null : parts.join(' ');
}
