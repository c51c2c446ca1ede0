import type { JoinNode, SqlType } from './expression-node.js';
import { orgKeySql, unsupportedPinyin } from './fuzzy-key.js';
import { SqlCompiler } from './sql-compiler.js';

const TYPES: Readonly<Record<SqlType, string>> = { double: 'double precision', bigint: 'bigint', text: 'text', date: 'date', boolean: 'boolean' };

/** PostgreSQL dialect: collisions as (NOT) EXISTS, which PostgreSQL plans as semi/anti joins. */
export class PostgresCompiler extends SqlCompiler {
  protected castParam(placeholder: string, type: SqlType): string {
    return `CAST(${placeholder} AS ${TYPES[type]})`;
  }
  protected castText(sql: string): string {
    return `CAST(${sql} AS text)`;
  }
  protected contains(haystack: string, needle: string): string {
    return `(strpos(${haystack}, ${needle}) > 0)`;
  }
  protected regexMatch(text: string, pattern: string): string {
    return `(${text} ~ ${pattern})`;
  }
  protected daysBetween(from: string, to: string): string {
    return `(CAST(${to} AS date) - CAST(${from} AS date))`;
  }
  protected birthDate(idNumber: string): string {
    return `to_date(substr(${idNumber}, 7, 8), 'YYYYMMDD')`;
  }
  protected fuzzyKey(match: 'org_name' | 'person_pinyin' | 'exact', sql: string): string {
    if (match === 'org_name') return orgKeySql(sql);
    if (match === 'person_pinyin') return unsupportedPinyin();
    return sql;
  }
  protected fingerprint(parts: readonly string[]): string {
    return `md5(${parts.map((p) => `coalesce(${p}, '')`).join(` || chr(31) || `)})`;
  }
  protected evidenceJson(alias: string): string {
    return `CAST(jsonb_agg(DISTINCT jsonb_build_object('dataset', ${alias}._dataset, 'batchId', ${alias}._batch_id, 'rowId', ${alias}._row_id)) AS text)`;
  }
  protected boolOr(sql: string): string {
    return `bool_or(${sql})`;
  }
  protected semiAntiJoin(j: JoinNode): { join?: string; where?: string } {
    return { where: j.type === 'semi' ? this.existsSubquery(j) : `NOT ${this.existsSubquery(j)}` };
  }
}
