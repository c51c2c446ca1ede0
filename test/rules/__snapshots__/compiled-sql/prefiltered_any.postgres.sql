-- prefiltered_any (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "盗窃"
--   $2 = "2022-01-01"
WITH "reg" AS (
    SELECT "_batch_id", "_row_id", "case_no", "case_type", "filed_date", "accepted_date", "occurred_date", "status", "suspect_id_number", "victim_id_number" FROM data."reg"
  ),
  "closure" AS (
    SELECT "case_no", "closure_type", "suspect_id_number" FROM data."closure"
  )
SELECT json_build_array(CAST("reg"."case_no" AS text), CAST(min("reg"."case_type") AS text), CAST(min("reg"."filed_date") AS text)) AS texts,
       json_agg(json_build_array("reg"._batch_id, "reg"._row_id)) AS ev0,
       bool_or((NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."case_no" = "closure"."case_no"))) AS x1,
       bool_or(("reg"."filed_date" < CAST($2 AS date))) AS x2
FROM "reg"
WHERE (("reg"."case_type" = CAST($1 AS text)) AND ((NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."case_no" = "closure"."case_no")) OR ("reg"."filed_date" < CAST($2 AS date))))
GROUP BY "reg"."case_no"
