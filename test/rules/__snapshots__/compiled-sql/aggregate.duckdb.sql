-- aggregate (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "claim_a"
--   $2 = "claim_b"
--   $3 = "2024-01-01"
--   $4 = "aggregate"
--   $5 = "2024-01-01"
--   $6 = 3
--   $7 = 2
WITH "claim" AS (
    SELECT CAST($1 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "hospital_name", "settlement_date", "total_amount" FROM data."claim_a"
    UNION ALL
    SELECT CAST($2 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "hospital_name", "settlement_date", "total_amount" FROM data."claim_b"
  )
SELECT md5(coalesce(CAST($4 AS VARCHAR), '') || chr(31) || coalesce(CAST("claim"."id_number" AS VARCHAR), '')) AS fingerprint,
       CAST("claim"."id_number" AS VARCHAR) AS s0,
       CAST(count(*) AS VARCHAR) AS t0,
       CAST(count(DISTINCT "claim"."hospital_name") AS VARCHAR) AS t1,
       CAST(sum("claim"."total_amount") AS VARCHAR) AS t2,
       sum("claim"."total_amount") AS amount,
       CAST(to_json(list(DISTINCT {'dataset': "claim"._dataset, 'batchId': "claim"._batch_id, 'rowId': "claim"._row_id})) AS VARCHAR) AS ev0,
       bool_or(("claim"."settlement_date" >= CAST($5 AS DATE))) AS x0,
       CAST(min("claim"."settlement_date") AS VARCHAR) AS x0_0
FROM "claim"
WHERE ("claim"."settlement_date" >= CAST($3 AS DATE))
GROUP BY "claim"."id_number"
HAVING ((count(*) >= CAST($6 AS DOUBLE)) AND (count(DISTINCT "claim"."hospital_name") >= CAST($7 AS DOUBLE)))
