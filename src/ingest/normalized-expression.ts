import type { SemanticType } from '../catalog/semantic-type.js';
import { normalizerFor } from '../normalize/index.js';
import { sqlLiteral } from '../warehouse/warehouse.js';
import type { ColumnPlan } from './column-plan.js';
import { stageColumn } from './staged-source.js';

/** The DuckDB column type that holds a normalised value of this semantic type. */
export function columnTypeFor(type: SemanticType): string {
  return normalizerFor(type).duckdbType;
}

/**
 * The SQL expression that normalises one staged column. Money honours the header's unit (万元);
 * coordinates are converted to WGS-84 using the row's coordinate-system column when the file has
 * one (else they are taken as WGS-84, and the import warns).
 */
export function normalizedExpression(column: ColumnPlan, all: readonly ColumnPlan[], raw: string = stageColumn(column.index)): string {
  const macro = normalizerFor(column.type).sqlMacro;
  switch (column.type) {
    case 'money':
      return `${macro}(${raw}, ${column.unit ? sqlLiteral(column.unit) : 'NULL'})`;
    case 'lat':
    case 'lng': {
      const lat = all.find((c) => c.type === 'lat');
      const lng = all.find((c) => c.type === 'lng');
      if (!lat || !lng) return `${macro}(${raw})`;
      const sys = all.find((c) => c.type === 'coord_system');
      const system = sys ? `coalesce(jd_coord_system(${stageColumn(sys.index)}), 'wgs84')` : `'wgs84'`;
      const fn = column.type === 'lat' ? 'jd_wgs_lat' : 'jd_wgs_lng';
      return `${fn}(jd_lng(${stageColumn(lng.index)}), jd_lat(${stageColumn(lat.index)}), ${system})`;
    }
    case 'idcard':
    case 'uscc':
    case 'person_name':
    case 'org_name':
    case 'phone':
    case 'address':
    case 'date':
    case 'datetime':
    case 'coord_system':
    case 'text':
    case 'code':
    case 'integer':
    case 'boolean':
      return `${macro}(${raw})`;
  }
}
