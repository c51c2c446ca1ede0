-- nested_exists (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "claim_a"
--   $2 = "claim_b"
--   $3 = "死亡登记"
--   $4 = 50000
--   $5 = "nested_exists"
--   $6 = 50000
WITH "claim" AS (
    SELECT CAST($1 AS text) AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "hospital_name", "settlement_date", "total_amount" FROM data."claim_a"
    UNION ALL
    SELECT CAST($2 AS text) AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "hospital_name", "settlement_date", "total_amount" FROM data."claim_b"
  ),
  "death" AS (
    SELECT CAST($3 AS text) AS _dataset, "_batch_id", "_row_id", "id_number", "person_name", "death_date" FROM data."死亡登记"
  )
SELECT md5(coalesce(CAST($5 AS text), '') || chr(31) || coalesce(CAST("claim"."claim_no" AS text), '')) AS fingerprint,
       CAST("claim"."claim_no" AS text) AS s0,
       NULL AS amount,
       CAST(jsonb_agg(DISTINCT jsonb_build_object('dataset', "claim"._dataset, 'batchId', "claim"._batch_id, 'rowId', "claim"._row_id)) AS text) AS ev0,
       bool_or(("claim"."total_amount" >= CAST($6 AS double precision))) AS x0,
       CAST(min("claim"."total_amount") AS text) AS x0_0,
       bool_or(EXISTS (SELECT 1 FROM "death" WHERE "claim"."id_number" = "death"."id_number" AND ("death"."death_date" < "claim"."settlement_date"))) AS x1
FROM "claim"
WHERE (("claim"."total_amount" >= CAST($4 AS double precision)) OR EXISTS (SELECT 1 FROM "death" WHERE "claim"."id_number" = "death"."id_number" AND ("death"."death_date" < "claim"."settlement_date")))
GROUP BY "claim"."claim_no"
