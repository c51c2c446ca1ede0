/**
 * Regenerates examples/agency-exports/ — the sample agency files `jiandu sample` (npm start)
 * imports — from the same fixture writers the tests use:  npx tsx scripts/write-examples.ts
 */
import path from 'node:path';
import { writeTobaccoCsv } from '../test/fixtures/agency-csv.js';
import { writeAgencyWorkbook } from '../test/fixtures/agency-workbook.js';

const dir = path.resolve('examples/agency-exports');
writeTobaccoCsv(path.join(dir, '六枝特区烟草专卖局-零售许可台账.csv'));
await writeAgencyWorkbook(path.join(dir, '六枝特区住建局-施工许可台账.xlsx'));
