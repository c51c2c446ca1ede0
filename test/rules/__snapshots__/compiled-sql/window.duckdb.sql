-- window (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "permit"
--   $2 = "deposit"
--   $3 = 0
--   $4 = 30
--   $5 = "window"
WITH "permit" AS (
    SELECT CAST($1 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "permit_no", "contractor_name", "contractor_uscc", "issue_date" FROM data."permit"
  ),
  "deposit" AS (
    SELECT CAST($2 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "contractor_name", "contractor_uscc", "deposit_date" FROM data."deposit"
  )
SELECT md5(coalesce(CAST($5 AS VARCHAR), '') || chr(31) || coalesce(CAST("permit"."permit_no" AS VARCHAR), '')) AS fingerprint,
       CAST("permit"."permit_no" AS VARCHAR) AS s0,
       NULL AS amount,
       CAST(to_json(list(DISTINCT {'dataset': "permit"._dataset, 'batchId': "permit"._batch_id, 'rowId': "permit"._row_id})) AS VARCHAR) AS ev0,
       true AS x0
FROM "permit"
  ANTI JOIN "deposit" ON "permit"."contractor_uscc" = "deposit"."contractor_uscc" AND (("deposit"."deposit_date" >= (CAST("permit"."issue_date" AS DATE) + CAST(CAST($3 AS BIGINT) AS INTEGER))) AND ("deposit"."deposit_date" <= (CAST("permit"."issue_date" AS DATE) + CAST(CAST($4 AS BIGINT) AS INTEGER))))
GROUP BY "permit"."permit_no"
