-- hanging_criminal_cases (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "2024-06-30"
--   $2 = 730
WITH "reg" AS (
    SELECT "_batch_id", "_row_id", "case_no", "case_name", "filed_date", "handling_unit" FROM data."reg"
  ),
  "closure" AS (
    SELECT "case_no" FROM data."closure"
  )
SELECT json_build_array(CAST("reg"."case_no" AS text), CAST(min("reg"."case_name") AS text), CAST(min("reg"."handling_unit") AS text), CAST(min("reg"."filed_date") AS text)) AS texts,
       json_agg(json_build_array("reg"._batch_id, "reg"._row_id)) AS ev0
FROM "reg"
WHERE NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."case_no" = "closure"."case_no")
  AND (("reg"."filed_date" <= CAST($1 AS date)) AND (CAST("reg"."filed_date" AS DATE) <= (CAST(CAST($1 AS date) AS DATE) - CAST(CAST($2 AS bigint) AS INTEGER))))
GROUP BY "reg"."case_no"
