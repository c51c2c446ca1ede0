-- hanging_criminal_cases (duckdb), run date 2024-06-30, default parameters
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
    SELECT CAST($1 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "case_no", "case_name", "filed_date", "handling_unit" FROM data."reg"
  ),
  "closure" AS (
    SELECT CAST($2 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "case_no" FROM data."closure"
  )
SELECT md5(coalesce(CAST($6 AS VARCHAR), '') || chr(31) || coalesce(CAST("reg"."case_no" AS VARCHAR), '')) AS fingerprint,
       CAST("reg"."case_no" AS VARCHAR) AS s0,
       CAST(min("reg"."case_name") AS VARCHAR) AS t0,
       CAST(min("reg"."handling_unit") AS VARCHAR) AS t1,
       CAST(min("reg"."filed_date") AS VARCHAR) AS t2,
       CAST(min("reg"."case_no") AS VARCHAR) AS t3,
       NULL AS amount,
       CAST(to_json(list(DISTINCT {'dataset': "reg"._dataset, 'batchId': "reg"._batch_id, 'rowId': "reg"._row_id})) AS VARCHAR) AS ev0,
       bool_or(("reg"."filed_date" <= CAST($7 AS DATE))) AS x0,
       CAST(min("reg"."filed_date") AS VARCHAR) AS x0_0,
       bool_or((date_diff('day', CAST("reg"."filed_date" AS DATE), CAST(CAST($8 AS DATE) AS DATE)) >= CAST($9 AS BIGINT))) AS x1,
       CAST(min("reg"."filed_date") AS VARCHAR) AS x1_0,
       true AS x2
FROM "reg"
  ANTI JOIN "closure" ON "reg"."case_no" = "closure"."case_no"
WHERE (("reg"."filed_date" <= CAST($3 AS DATE)) AND (date_diff('day', CAST("reg"."filed_date" AS DATE), CAST(CAST($4 AS DATE) AS DATE)) >= CAST($5 AS BIGINT)))
GROUP BY "reg"."case_no"
