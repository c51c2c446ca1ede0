import chardet from 'chardet';

/** Encodings the importer can read. GBK files are decoded as GB18030, its superset. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

const ALIASES: Readonly<Record<string, TextEncoding>> = {
  'utf8': 'utf-8',
  'utf-8': 'utf-8',
  'gbk': 'gb18030',
  'gb2312': 'gb18030',
  'gb18030': 'gb18030',
  'cp936': 'gb18030',
  'big5': 'big5',
  'utf16le': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf16be': 'utf-16be',
  'utf-16be': 'utf-16be',
};

/** Parses a user-given `--encoding` value; undefined when it is not one we support. */
export function parseEncoding(name: string): TextEncoding | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Length of the byte-order mark at the start of the file (0 when none). */
  readonly bomLength: number;
  /** How it was decided, for the import report. */
  readonly basis: 'bom' | 'valid-utf8' | 'chardet' | 'default';
}

/**
 * Detects the encoding of a text export from its first bytes. A byte-order mark decides; else a
 * sample that is valid UTF-8 is UTF-8 (agency CSVs are mostly ASCII plus Chinese, and GBK text is
 * almost never valid UTF-8); else chardet's guess among the Chinese encodings; else GB18030,
 * which is what Excel on a Chinese Windows writes.
 *
 * @example
 * detectEncoding(Buffer.from('序号,姓名', 'utf8')).encoding; // 'utf-8'
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, basis: 'bom' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, basis: 'bom' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, basis: 'bom' };
  if (isValidUtf8Prefix(sample)) return { encoding: 'utf-8', bomLength: 0, basis: 'valid-utf8' };
  const guess = chardet.detect(sample);
  const mapped = guess ? parseEncoding(guess) : undefined;
  if (mapped && mapped !== 'utf-8') return { encoding: mapped, bomLength: 0, basis: 'chardet' };
  return { encoding: 'gb18030', bomLength: 0, basis: 'default' };
}

/** True when the bytes are valid UTF-8, allowing a multi-byte character cut off at the end. */
function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Step back over at most 3 continuation bytes and their lead byte if the sample was cut mid-character.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    if ((b & 0xc0) === 0xc0) end -= back;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}
