-- shared_filter (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "撤销"
WITH "_rows" AS (
    SELECT "_batch_id", "_row_id", "case_no", "case_type", "filed_date", "accepted_date", "occurred_date", "status", "suspect_id_number", "victim_id_number" FROM data."reg"
  ),
  "reg" AS (
    SELECT "_row_id", "case_no", "suspect_id_number" FROM data."reg"
  ),
  "closure" AS (
    SELECT * FROM (
    SELECT "case_no", "closure_type", "suspect_id_number" FROM data."closure" AS "closure" WHERE (contains("closure"."closure_type", CAST($1 AS VARCHAR)))
    ) AS "closure"
  ),
  "_ids" AS MATERIALIZED (
    SELECT "reg"._row_id AS _r
    FROM "reg"
      ANTI JOIN "closure" ON "reg"."case_no" = "closure"."case_no" AND true
      ANTI JOIN "closure" ON "reg"."suspect_id_number" = "closure"."suspect_id_number" AND true
  ),
  "_hits" AS MATERIALIZED (
    SELECT "reg"."case_no" AS k0,
           "reg"._batch_id AS b0,
           "reg"._row_id AS r0
    FROM "_rows" AS "reg" JOIN "_ids" ON "reg"._row_id = "_ids"._r
  ),
  "_dup" AS (
    SELECT k0 FROM "_hits" GROUP BY k0 HAVING count(*) > 1
  )
SELECT CAST(json_array(CAST(k0 AS VARCHAR)) AS VARCHAR) AS texts,
       [{'b': b0, 'r': r0}] AS ev0
FROM "_hits" ANTI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
UNION ALL
SELECT CAST(json_array(CAST(k0 AS VARCHAR)) AS VARCHAR) AS texts,
       list({'b': b0, 'r': r0}) AS ev0
FROM "_hits" SEMI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
GROUP BY k0
