-- hanging_criminal_cases (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "2024-06-30"
--   $2 = 730
WITH "reg" AS (
    SELECT "_batch_id", "_row_id", "case_no", "case_name", "filed_date", "handling_unit" FROM data."reg"
  ),
  "closure" AS (
    SELECT "case_no" FROM data."closure"
  ),
  "_hits" AS MATERIALIZED (
    SELECT "reg"."case_no" AS k0,
           "reg"."case_name" AS t1,
           "reg"."handling_unit" AS t2,
           "reg"."filed_date" AS t3,
           "reg"._batch_id AS b0,
           "reg"._row_id AS r0
    FROM "reg"
      ANTI JOIN "closure" ON "reg"."case_no" = "closure"."case_no"
    WHERE (("reg"."filed_date" <= CAST($1 AS DATE)) AND (CAST("reg"."filed_date" AS DATE) <= (CAST(CAST($1 AS DATE) AS DATE) - CAST(CAST($2 AS BIGINT) AS INTEGER))))
  ),
  "_dup" AS (
    SELECT k0 FROM "_hits" GROUP BY k0 HAVING count(*) > 1
  )
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(t1 AS VARCHAR), CAST(t2 AS VARCHAR), NULL) AS VARCHAR) AS texts,
       t3 AS dt3,
       [{'b': b0, 'r': r0}] AS ev0
FROM "_hits" ANTI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
UNION ALL
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(min(t1) AS VARCHAR), CAST(min(t2) AS VARCHAR), NULL) AS VARCHAR) AS texts,
       min(t3) AS dt3,
       list({'b': b0, 'r': r0}) AS ev0
FROM "_hits" SEMI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
GROUP BY k0
