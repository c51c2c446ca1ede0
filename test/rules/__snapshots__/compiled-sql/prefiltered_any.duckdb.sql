-- prefiltered_any (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "盗窃"
--   $2 = "2022-01-01"
WITH "_rows" AS (
    SELECT "_batch_id", "_row_id", "case_no", "case_type", "filed_date", "accepted_date", "occurred_date", "status", "suspect_id_number", "victim_id_number" FROM data."reg"
  ),
  "reg" AS (
    SELECT "_row_id", "case_no", "case_type", "filed_date" FROM data."reg"
  ),
  "closure" AS (
    SELECT "case_no", "closure_type", "suspect_id_number" FROM data."closure"
  ),
  "_ids" AS MATERIALIZED (
    SELECT "reg"._row_id AS _r, "reg"."_f1"
    FROM (SELECT *, (NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."case_no" = "closure"."case_no")) AS "_f1" FROM "reg" WHERE ("reg"."case_type" = CAST($1 AS VARCHAR))) AS "reg"
    WHERE ("reg"."_f1" OR ("reg"."filed_date" < CAST($2 AS DATE)))
  ),
  "_hits" AS MATERIALIZED (
    SELECT "reg"."case_no" AS k0,
           "reg"."case_type" AS t1,
           "reg"."filed_date" AS t2,
           "reg"._batch_id AS b0,
           "reg"._row_id AS r0,
           "_ids"."_f1" AS f1,
           ("reg"."filed_date" < CAST($2 AS DATE)) AS f2
    FROM "_rows" AS "reg" JOIN "_ids" ON "reg"._row_id = "_ids"._r
  ),
  "_dup" AS (
    SELECT k0 FROM "_hits" GROUP BY k0 HAVING count(*) > 1
  )
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(t1 AS VARCHAR), NULL) AS VARCHAR) AS texts,
       t2 AS dt2,
       [{'b': b0, 'r': r0}] AS ev0,
       f1 AS x1,
       f2 AS x2
FROM "_hits" ANTI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
UNION ALL
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(min(t1) AS VARCHAR), NULL) AS VARCHAR) AS texts,
       min(t2) AS dt2,
       list({'b': b0, 'r': r0}) AS ev0,
       bool_or(f1) AS x1,
       bool_or(f2) AS x2
FROM "_hits" SEMI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
GROUP BY k0
