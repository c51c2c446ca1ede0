import { sqlLiteral } from '../../warehouse/warehouse.js';
import { JianduError } from '../../shared/errors.js';

/**
 * Organisation-name key for fuzzy collisions, applied to names already normalised at import
 * (full-width folded, brackets unified): keep only ASCII letters/digits and Han characters,
 * upper-case, and treat 有限责任公司 and 有限公司 as the same legal form. The same expression
 * runs on DuckDB (RE2) and PostgreSQL (ARE); its pattern is a constant of this code.
 */
export function orgKeySql(value: string): string {
  return `nullif(replace(upper(regexp_replace(${value}, ${sqlLiteral('[^0-9A-Za-z一-鿿]')}, '', 'g')), '有限责任公司', '有限公司'), '')`;
}

export function unsupportedPinyin(): never {
  throw new JianduError('invalid_argument', '按拼音模糊匹配人名（person_pinyin）尚未实现；请暂用 exact 或 org_name');
}
