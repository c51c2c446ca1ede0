import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
const cases = [['20040229','2022-02-28'],['20040229','2022-03-01'],['20040229','2024-02-28'],['20040229','2024-02-29'],['20060715','2024-07-14'],['20060715','2024-07-15'],['20060131','2024-02-29'],['19900531','2024-05-30'],['19900531','2024-05-31']];
const pg = await PGlite.create();
for (const [id, at] of cases) {
  const r = await c.runAndReadAll(`select date_sub('year', CAST(strptime($1, '%Y%m%d') AS DATE), CAST($2 AS DATE)) as a`, [id!, at!]);
  const p = await pg.query(`select CAST(date_part('year', age(CAST($2 AS date), to_date($1, 'YYYYMMDD'))) AS bigint) as a`, [id, at]);
  console.log(id, at, r.getRowObjectsJson()[0], p.rows[0]);
}
const r = await c.runAndReadAll(`select CAST(1.0::DOUBLE AS VARCHAR) a, CAST(98.97055851767312::DOUBLE AS VARCHAR) b, CAST(0.1+0.2 AS VARCHAR) c, CAST(1e20::DOUBLE AS VARCHAR) d, CAST(123.4::DECIMAL(18,2) AS VARCHAR) e, CAST(sum(x) AS VARCHAR) f, typeof(sum(x)) g, CAST(TIMESTAMP '2024-01-02 03:04:05' AS VARCHAR) h from (values (1.5::DECIMAL(18,2)),(2.25::DECIMAL(18,2))) t(x)`);
console.log(r.getRowObjectsJson());
const p = await pg.query(`select CAST(1.0::float8 AS text) a, CAST(98.97055851767312::float8 AS text) b, CAST(0.1::float8+0.2::float8 AS text) c, CAST(1e20::float8 AS text) d, CAST(123.4::numeric(18,2) AS text) e, CAST(sum(x) AS text) f, CAST(TIMESTAMP '2024-01-02 03:04:05' AS text) h, 12::bigint i, 1.5::numeric j, current_setting('server_encoding') enc from (values (1.5::numeric(18,2)),(2.25::numeric(18,2))) t(x)`);
console.log(p.rows);
