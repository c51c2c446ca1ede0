import { JianduError } from '../shared/errors.js';

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 10_000;

/** One page of a listing: validated `limit` (default 100, at most 10,000) and `offset` (default 0). */
export function resolvePage(options: { limit?: number | undefined; offset?: number | undefined }): { limit: number; offset: number } {
  const limit = options.limit ?? DEFAULT_PAGE_LIMIT;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new JianduError('invalid_argument', `limit 应为 1 到 ${MAX_PAGE_LIMIT} 之间的整数：${limit}`, { limit });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new JianduError('invalid_argument', `offset 应为非负整数：${offset}`, { offset });
  }
  return { limit, offset };
}
