-- window (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 0
--   $2 = 30
WITH "permit" AS (
    SELECT "_batch_id", "_row_id", "permit_no", "contractor_name", "contractor_uscc", "issue_date" FROM data."permit"
  ),
  "deposit" AS (
    SELECT "contractor_name", "contractor_uscc", "deposit_date" FROM data."deposit"
  )
SELECT json_build_array(CAST("permit"."permit_no" AS text)) AS texts,
       json_agg(json_build_array("permit"._batch_id, "permit"._row_id)) AS ev0
FROM "permit"
WHERE NOT EXISTS (SELECT 1 FROM "deposit" WHERE "permit"."contractor_uscc" = "deposit"."contractor_uscc" AND (("deposit"."deposit_date" >= (CAST("permit"."issue_date" AS DATE) + CAST(CAST($1 AS bigint) AS INTEGER))) AND ("deposit"."deposit_date" <= (CAST("permit"."issue_date" AS DATE) + CAST(CAST($2 AS bigint) AS INTEGER)))))
GROUP BY "permit"."permit_no"
