// The fixture's warehouse catalogue without a warehouse: dataset records built from the kind
// definitions, so compile-only tests (SQL snapshots, properties) bind models in microseconds.
import { getKind } from '../../../src/catalog/index.js';
import type { DatasetRecord } from '../../../src/warehouse/dataset.repository.js';
import { FIXTURE_DATASETS } from './fixture-data.js';

/** What `DatasetRepository.list()` returns for the fixture warehouse (every field of each kind). */
export function fixtureCatalogue(): DatasetRecord[] {
  return FIXTURE_DATASETS.map((d) => {
    const kind = getKind(d.kind);
    if (!kind) throw new Error(`no dataset kind ${d.kind}`);
    return {
      name: d.name,
      kind: kind.id,
      createdAt: '2024-06-30T00:00:00',
      nextRowId: d.rows.length + 1,
      fields: kind.fields.map((f, position) => ({ name: f.name, label: f.label, type: f.type, position, required: f.required })),
    };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
