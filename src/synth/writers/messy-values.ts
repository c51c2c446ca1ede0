import type { SemanticType } from '../../catalog/semantic-type.js';
import { wgs84ToGcj02 } from '../../normalize/coord-transform.js';
import { idCardCheckChar } from '../../normalize/idcard.js';
import type { Cell, Rng } from '../scenario.js';
import { excelSerial } from '../dates.js';

/**
 * How one column of one agency file writes its values: the habits of the clerk who exported it.
 * Every style is lossless: the importer's normalisers turn it back into the canonical value
 * (tested in messy-values.test.ts), so ground truth computed on canonical values still holds.
 */
export interface ColumnStyle {
  readonly type: SemanticType;
  /** Dates: the textual format, or Excel serial numbers (XLSX files only). */
  readonly date: 'iso' | 'slash' | 'chinese' | 'compact' | 'dotted' | 'serial';
  /** Money: plain, with thousands separators, or in 万元 (the header then says so). */
  readonly money: 'plain' | 'thousands' | 'wan';
  /** Citizen IDs: the share written with full-width digits, and the share of pre-2000 births written in the old 15-digit form. */
  readonly fullWidthIds: number;
  readonly fifteenDigitIds: number;
}

export type Rendered = string | number | null;

const FULL_WIDTH_OFFSET = 0xfee0;

export function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET));
}

/** The GB 11643-1989 15-digit form of a valid 18-digit ID born in the 1900s, or null. */
export function toFifteenDigits(id: string): string | null {
  if (!/^\d{6}19\d{9}[\dX]$/.test(id)) return null;
  if (idCardCheckChar(id.slice(0, 17)) !== id[17]) return null;
  return id.slice(0, 6) + id.slice(8, 17);
}

function renderDate(date: string, style: ColumnStyle['date']): Rendered {
  const [y, m, d] = date.split('-') as [string, string, string];
  switch (style) {
    case 'iso':
      return date;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'chinese':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'compact':
      return `${y}${m}${d}`;
    case 'dotted':
      return `${y}.${Number(m)}.${Number(d)}`;
    case 'serial':
      return excelSerial(date);
  }
}

function renderMoney(yuan: number, style: ColumnStyle['money']): Rendered {
  // Six decimals of 万元 are exactly the fen, and the importer converts in DECIMAL: lossless.
  if (style === 'wan') return String(Number((yuan / 10_000).toFixed(6)));
  if (style === 'thousands') return withThousands(yuan.toFixed(2));
  return String(yuan);
}

/** `1234567.50` → `1,234,567.50` (Intl's toLocaleString is a hundred times slower). */
function withThousands(fixed: string): string {
  const dot = fixed.indexOf('.');
  const sign = fixed.startsWith('-') ? '-' : '';
  const int = fixed.slice(sign.length, dot);
  let out = '';
  for (let i = int.length; i > 0; i -= 3) out = (i > 3 ? ',' : '') + int.slice(Math.max(0, i - 3), i) + out;
  return sign + out + fixed.slice(dot);
}

/** Renders one canonical value in the column's style; `rng` decides the per-value quirks. */
export function renderValue(value: Cell, style: ColumnStyle, rng: Rng): Rendered {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  switch (style.type) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? renderDate(value, style.date) : String(value);
    case 'datetime':
      return typeof value === 'string' && style.date === 'slash' ? value.replace(/-/g, '/') : String(value);
    case 'money':
      return typeof value === 'number' ? renderMoney(value, style.money) : String(value);
    case 'idcard': {
      const id = String(value);
      if (rng.chance(style.fifteenDigitIds)) {
        const old = toFifteenDigits(id);
        if (old) return old;
      }
      if (rng.chance(style.fullWidthIds)) return toFullWidthDigits(id);
      return id.endsWith('X') && rng.chance(0.3) ? `${id.slice(0, 17)}x` : id;
    }
    case 'uscc':
      return rng.chance(0.05) ? String(value).toLowerCase() : String(value);
    case 'phone': {
      const phone = String(value);
      return /^1\d{10}$/.test(phone) && rng.chance(0.05) ? `+86 ${phone}` : phone;
    }
    case 'lat':
    case 'lng':
      return typeof value === 'number' ? Number(value.toFixed(7)) : String(value);
    case 'address':
    case 'boolean':
    case 'code':
    case 'coord_system':
    case 'integer':
    case 'org_name':
    case 'person_name':
    case 'text':
      return typeof value === 'number' ? value : String(value);
  }
}

/** WGS-84 → GCJ-02, as the maps agencies use store it. */
export function wgsToGcj(lng: number, lat: number): [number, number] {
  return wgs84ToGcj02(lng, lat);
}
