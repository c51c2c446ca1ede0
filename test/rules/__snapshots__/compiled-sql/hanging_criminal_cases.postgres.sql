-- hanging_criminal_cases (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "reg"
--   $2 = "closure"
--   $3 = "2024-06-30"
--   $4 = "2024-06-30"
--   $5 = 730
--   $6 = "hanging_criminal_cases"
--   $7 = "2024-06-30"
--   $8 = "2024-06-30"
--   $9 = 730
WITH "reg" AS (
    SELECT CAST($1 AS text) AS _dataset, "_batch_id", "_row_id", "case_no", "case_name", "filed_date", "handling_unit" FROM data."reg"
  ),
  "closure" AS (
    SELECT CAST($2 AS text) AS _dataset, "_batch_id", "_row_id", "case_no" FROM data."closure"
  )
SELECT md5(coalesce(CAST($6 AS text), '') || chr(31) || coalesce(CAST("reg"."case_no" AS text), '')) AS fingerprint,
       CAST("reg"."case_no" AS text) AS s0,
       CAST(min("reg"."case_name") AS text) AS t0,
       CAST(min("reg"."handling_unit") AS text) AS t1,
       CAST(min("reg"."filed_date") AS text) AS t2,
       CAST(min("reg"."case_no") AS text) AS t3,
       NULL AS amount,
       CAST(jsonb_agg(DISTINCT jsonb_build_object('dataset', "reg"._dataset, 'batchId', "reg"._batch_id, 'rowId', "reg"._row_id)) AS text) AS ev0,
       bool_or(("reg"."filed_date" <= CAST($7 AS date))) AS x0,
       CAST(min("reg"."filed_date") AS text) AS x0_0,
       bool_or(((CAST(CAST($8 AS date) AS date) - CAST("reg"."filed_date" AS date)) >= CAST($9 AS bigint))) AS x1,
       CAST(min("reg"."filed_date") AS text) AS x1_0,
       true AS x2
FROM "reg"
WHERE NOT EXISTS (SELECT 1 FROM "closure" WHERE "reg"."case_no" = "closure"."case_no")
  AND (("reg"."filed_date" <= CAST($3 AS date)) AND ((CAST(CAST($4 AS date) AS date) - CAST("reg"."filed_date" AS date)) >= CAST($5 AS bigint)))
GROUP BY "reg"."case_no"
