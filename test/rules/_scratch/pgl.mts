import { PGlite } from '@electric-sql/pglite';
const pg = await PGlite.create();
const r = await pg.query(`select 3::bigint a, 1.5::numeric(18,2) b, true c, null::boolean d, CAST($1 AS boolean) e, CAST($2 AS double precision) f, 'a' < 'B' cmp`, [true, 5]);
console.log(r.rows);
