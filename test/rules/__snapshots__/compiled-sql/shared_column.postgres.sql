-- shared_column (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "撤销"
WITH "reg" AS (
    SELECT "_batch_id", "_row_id", "case_no", "case_type", "filed_date", "accepted_date", "occurred_date", "status", "suspect_id_number", "victim_id_number" FROM data."reg"
  ),
  "closure" AS (
    SELECT *, ((strpos("closure"."closure_type", CAST($1 AS text)) > 0)) AS "_c0" FROM (
    SELECT "case_no", "closure_type", "suspect_id_number" FROM data."closure"
    ) AS "closure"
  )
SELECT json_build_array(CAST("reg"."case_no" AS text)) AS texts,
       json_agg(json_build_array("reg"._batch_id, "reg"._row_id)) AS ev0,
       bool_or((NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."case_no" = "closure"."case_no" AND "closure"."_c0"))) AS x1,
       bool_or((NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."suspect_id_number" = "closure"."suspect_id_number" AND "closure"."_c0"))) AS x2
FROM "reg"
WHERE EXISTS (SELECT 1 FROM "closure" WHERE "reg"."case_no" = "closure"."case_no")
  AND ((NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."case_no" = "closure"."case_no" AND "closure"."_c0")) OR (NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."suspect_id_number" = "closure"."suspect_id_number" AND "closure"."_c0")))
GROUP BY "reg"."case_no"
