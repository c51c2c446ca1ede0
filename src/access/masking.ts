import type { SemanticType } from '../catalog/semantic-type.js';

/**
 * Masks citizens' personal data for display where a role does not need it: ID numbers keep the
 * region code and the last four characters, phones the first three and last four digits,
 * person names their first character.
 *
 * @example
 * maskValue('idcard', '52020319850612123X'); // '520203********123X'
 * maskValue('phone', '13885123456');          // '138****3456'
 */
export function maskValue(type: SemanticType, value: string | null): string | null {
  if (value === null) return null;
  switch (type) {
    case 'idcard':
      return value.length > 10 ? `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}` : '*'.repeat(value.length);
    case 'phone':
      return value.length >= 7 ? `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}` : '*'.repeat(value.length);
    case 'person_name':
      return value.length <= 1 ? value : `${value.slice(0, 1)}${'*'.repeat(value.length - 1)}`;
    case 'uscc':
    case 'org_name':
    case 'address':
    case 'date':
    case 'datetime':
    case 'money':
    case 'lat':
    case 'lng':
    case 'coord_system':
    case 'text':
    case 'code':
    case 'integer':
    case 'boolean':
      return value;
  }
}

/** True for the types {@link maskValue} changes. */
export function isPersonalType(type: SemanticType): boolean {
  return type === 'idcard' || type === 'phone' || type === 'person_name';
}
