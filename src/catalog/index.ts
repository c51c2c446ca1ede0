/**
 * The dataset catalogue (数据资源目录): standard dataset kinds with canonical fields, semantic
 * types and the Chinese header aliases agencies use; header normalisation and matching.
 */
export { SEMANTIC_TYPES, isSemanticType, type SemanticType } from './semantic-type.js';
export type { DatasetKind, FieldSpec } from './dataset-kind.js';
export { headerKey, parseHeader, type HeaderUnit, type ParsedHeader } from './header.js';
export {
  aliasConflicts,
  fieldKeys,
  getKind,
  inferFieldFromHeader,
  listKinds,
  matchHeaders,
  validateKind,
  type AliasCandidate,
  type HeaderMatch,
  type InferenceSource,
  type InferredField,
} from './catalog.js';
export { GENERIC_ALIASES, SUFFIX_RULES, type GenericAlias, type SuffixRule } from './generic-aliases.js';
export { fieldNameStem } from './field-name.js';
export { STANDARD_KINDS } from './kinds/index.js';
