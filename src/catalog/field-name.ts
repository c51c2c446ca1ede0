import { pinyin } from 'pinyin-pro';

/**
 * Turn a Chinese header fragment into an ASCII snake_case stem for a column name: the toneless
 * pinyin of each Chinese character run together, ASCII letters and digits kept (lower-cased),
 * everything else dropped. A stem that would start with a digit gets an `f` prefix so that the
 * result stays a plain SQL identifier.
 *
 * @example
 * fieldNameStem('监护人');   // 'jianhuren'
 * fieldNameStem('A级');      // 'aji'
 * fieldNameStem('2023年');   // 'f2023nian'
 */
export function fieldNameStem(text: string): string {
  if (text === '') return '';
  const parts = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const stem = parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return /^[0-9]/.test(stem) ? `f${stem}` : stem;
}
