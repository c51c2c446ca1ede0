import { normalizeText } from './text.js';
import { defineMacro } from './sql-macro.js';

/**
 * Addresses are normalised like free text (full-width folding, blank runs → one space, trim).
 * Parsing into province/city/county is a separate, later concern; keeping the text faithful here
 * lets that step see what the agency wrote.
 *
 * @example normalizeAddress('贵州省贵阳市　云岩区 ') // '贵州省贵阳市 云岩区'
 */
export function normalizeAddress(raw: string | null): string | null {
  return normalizeText(raw);
}

/** DDL of `jd_address(raw)` (needs TEXT_MACROS). */
export const ADDRESS_MACROS: readonly string[] = [defineMacro('jd_address', ['raw'], 'jd_text(raw)')];
