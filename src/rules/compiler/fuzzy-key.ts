import { sqlLiteral } from '../../warehouse/warehouse.js';
import { PINYIN_KEY_CHAR, PINYIN_TABLE } from '../../normalize/person-pinyin.js';

/**
 * Organisation-name key for fuzzy collisions, applied to names already normalised at import
 * (full-width folded, brackets unified): keep only ASCII letters/digits and Han characters,
 * upper-case, and treat 有限责任公司 and 有限公司 as the same legal form. The same expression
 * runs on DuckDB (RE2) and PostgreSQL (ARE); its pattern is a constant of this code.
 */
export function orgKeySql(value: string): string {
  return `nullif(replace(upper(regexp_replace(${value}, ${sqlLiteral('[^0-9A-Za-z一-鿿]')}, '', 'g')), '有限责任公司', '有限公司'), '')`;
}

/**
 * Person-name pinyin key (see `personPinyinKey`, its reference in TypeScript): the name split into
 * characters, each looked up in the syllable table {@link PINYIN_TABLE} (the surname reading for
 * the first), joined by spaces. A scalar subquery over the row's own characters; DuckDB
 * decorrelates it into one join per distinct name. The runner creates the table before a model
 * that uses it runs (`CompiledQuery.usesPinyin`).
 */
export function pinyinKeySql(dialect: 'duckdb' | 'postgres', value: string): string {
  const syllable = `coalesce(CASE WHEN jd_pyc.i = 1 THEN jd_pyt.surname END, jd_pyt.py, lower(jd_pyc.ch))`;
  const chars =
    dialect === 'duckdb'
      ? `(SELECT unnest(string_split(${value}, '')) AS ch, generate_subscripts(string_split(${value}, ''), 1) AS i) AS jd_pyc`
      : `unnest(string_to_array(${value}, NULL)) WITH ORDINALITY AS jd_pyc(ch, i)`;
  const keep = dialect === 'duckdb' ? `regexp_matches(jd_pyc.ch, ${sqlLiteral(PINYIN_KEY_CHAR)})` : `jd_pyc.ch ~ ${sqlLiteral(PINYIN_KEY_CHAR)}`;
  return `(SELECT string_agg(${syllable}, ' ' ORDER BY jd_pyc.i) FROM ${chars} LEFT JOIN ${PINYIN_TABLE} AS jd_pyt ON jd_pyt.ch = jd_pyc.ch WHERE ${keep})`;
}
