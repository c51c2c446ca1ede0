// Test-data helpers that build valid Chinese identifiers with the published check algorithms
// (domain.md §1, §2), independent of the code under test.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Appends the GB 11643 check character to 17 digits. */
export function withIdCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * (ID_WEIGHTS[i] ?? 0), 0);
  return first17 + ID_CHECK[sum % 11];
}

/** The same ID with a wrong check character. */
export function withWrongIdCheck(first17: string): string {
  const good = withIdCheck(first17);
  const last = good.at(-1) === '0' ? '1' : '0';
  return good.slice(0, 17) + last;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function withUsccCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * (USCC_WEIGHTS[i] ?? 0), 0);
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Full-width digits and letters, as some agency systems export them. */
export function fullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
