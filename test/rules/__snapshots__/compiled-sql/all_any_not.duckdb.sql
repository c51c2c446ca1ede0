-- all_any_not (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "盗窃"
--   $2 = "诈骗"
--   $3 = "撤案"
WITH "reg" AS (
    SELECT "_batch_id", "_row_id", "case_no", "case_type", "filed_date", "accepted_date", "occurred_date", "status", "suspect_id_number", "victim_id_number" FROM data."reg"
  ),
  "closure" AS (
    SELECT "case_no", "closure_type", "suspect_id_number" FROM data."closure"
  ),
  "_hits" AS MATERIALIZED (
    SELECT "reg"."case_no" AS k0,
           "reg"."case_type" AS t1,
           "reg"."status" AS t2,
           "reg"._batch_id AS b0,
           "reg"._row_id AS r0,
           ("reg"."case_type" = CAST($1 AS VARCHAR)) AS f0,
           ("reg"."case_type" = CAST($2 AS VARCHAR)) AS f1,
           ("reg"."status" = CAST($3 AS VARCHAR)) AS f2
    FROM "reg"
    WHERE ((("reg"."case_type" = CAST($1 AS VARCHAR)) OR ("reg"."case_type" = CAST($2 AS VARCHAR))) AND (NOT coalesce(("reg"."status" = CAST($3 AS VARCHAR)), false)))
  ),
  "_dup" AS (
    SELECT k0 FROM "_hits" GROUP BY k0 HAVING count(*) > 1
  )
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(t1 AS VARCHAR), CAST(t2 AS VARCHAR)) AS VARCHAR) AS texts,
       [{'b': b0, 'r': r0}] AS ev0,
       f0 AS x0,
       f1 AS x1,
       f2 AS x2
FROM "_hits" ANTI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
UNION ALL
SELECT CAST(json_array(CAST(k0 AS VARCHAR), CAST(min(t1) AS VARCHAR), CAST(min(t2) AS VARCHAR)) AS VARCHAR) AS texts,
       list({'b': b0, 'r': r0}) AS ev0,
       bool_or(f0) AS x0,
       bool_or(f1) AS x1,
       bool_or(f2) AS x2
FROM "_hits" SEMI JOIN "_dup" ON "_hits".k0 IS NOT DISTINCT FROM "_dup".k0
GROUP BY k0
