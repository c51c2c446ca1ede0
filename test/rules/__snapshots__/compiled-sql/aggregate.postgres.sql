-- aggregate (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "claim_a"
--   $2 = "claim_b"
--   $3 = "2024-01-01"
--   $4 = "aggregate"
--   $5 = "2024-01-01"
--   $6 = 3
--   $7 = 2
WITH "claim" AS (
    SELECT CAST($1 AS text) AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "hospital_name", "settlement_date", "total_amount" FROM data."claim_a"
    UNION ALL
    SELECT CAST($2 AS text) AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "hospital_name", "settlement_date", "total_amount" FROM data."claim_b"
  )
SELECT md5(coalesce(CAST($4 AS text), '') || chr(31) || coalesce(CAST("claim"."id_number" AS text), '')) AS fingerprint,
       CAST("claim"."id_number" AS text) AS s0,
       CAST(count(*) AS text) AS t0,
       CAST(count(DISTINCT "claim"."hospital_name") AS text) AS t1,
       CAST(sum("claim"."total_amount") AS text) AS t2,
       sum("claim"."total_amount") AS amount,
       CAST(jsonb_agg(DISTINCT jsonb_build_object('dataset', "claim"._dataset, 'batchId', "claim"._batch_id, 'rowId', "claim"._row_id)) AS text) AS ev0,
       bool_or(("claim"."settlement_date" >= CAST($5 AS date))) AS x0,
       CAST(min("claim"."settlement_date") AS text) AS x0_0
FROM "claim"
WHERE ("claim"."settlement_date" >= CAST($3 AS date))
GROUP BY "claim"."id_number"
HAVING ((count(*) >= CAST($6 AS double precision)) AND (count(DISTINCT "claim"."hospital_name") >= CAST($7 AS double precision)))
