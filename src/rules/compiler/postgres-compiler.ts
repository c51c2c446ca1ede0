import type { JoinNode, SqlType } from './expression-node.js';
import { orgKeySql, pinyinKeySql } from './fuzzy-key.js';
import { SqlCompiler } from './sql-compiler.js';

const TYPES: Readonly<Record<SqlType, string>> = { decimal: 'numeric', double: 'double precision', bigint: 'bigint', text: 'text', date: 'date', boolean: 'boolean' };

/** PostgreSQL dialect: collisions as (NOT) EXISTS, which PostgreSQL plans as semi/anti joins. */
export class PostgresCompiler extends SqlCompiler {
  // IS NOT DISTINCT FROM cannot be hashed in PostgreSQL: one pass with the GROUP BY.
  protected readonly twoPhaseAggregate = false;
  // A hash join cannot compare keys with IS NOT DISTINCT FROM here: one GROUP BY of every subject.
  protected readonly containsAnyAsPattern = false;
  protected readonly lateRows = false;
  protected readonly splitSingleRows = false;
  protected readonly rawDates = false;
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
  protected fuzzyKey(match: 'org_name' | 'person_pinyin' | 'exact', sql: string): string {
    if (match === 'org_name') return orgKeySql(sql);
    if (match === 'person_pinyin') {
      this.usedPinyin = true;
      return pinyinKeySql('postgres', sql);
    }
    return sql;
  }
  protected evidenceList(dataset: string | null, batch: string, row: string, distinct: boolean): string {
    const items = `${dataset ? `${dataset}, ` : ''}${batch}, ${row}`;
    return distinct ? `jsonb_agg(DISTINCT jsonb_build_array(${items}))` : `json_agg(json_build_array(${items}))`;
  }
  protected evidenceRow(dataset: string | null, batch: string, row: string): string {
    return `json_build_array(json_build_array(${dataset ? `${dataset}, ` : ''}${batch}, ${row}))`;
  }
  protected textList(texts: readonly string[]): string {
    // A function takes at most 100 arguments: longer lists as jsonb arrays joined with ||.
    if (texts.length <= 100) return `json_build_array(${texts.join(', ')})`;
    const parts: string[] = [];
    for (let i = 0; i < texts.length; i += 100) parts.push(`jsonb_build_array(${texts.slice(i, i + 100).join(', ')})`);
    return `(${parts.join(' || ')})`;
  }
  protected boolOr(sql: string): string {
    return `bool_or(${sql})`;
  }
  /** PostgreSQL has no min(boolean); bool_and is the same (false before true, NULLs ignored). */
  protected override minOf(sql: string, boolean: boolean): string {
    return boolean ? `bool_and(${sql})` : `min(${sql})`;
  }
  protected semiAntiJoin(j: JoinNode): { join?: string; where?: string; source?: string } {
    return { where: j.type === 'semi' ? this.existsSubquery(j) : `NOT ${this.existsSubquery(j)}` };
  }
}
