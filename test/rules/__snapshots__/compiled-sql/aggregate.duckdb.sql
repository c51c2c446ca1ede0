-- aggregate (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = "2024-01-01"
--   $2 = 3
--   $3 = 2
WITH "claim" AS (
    SELECT 0 AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "person_name", "hospital_name", "settlement_date", "total_amount" FROM data."claim_a"
    UNION ALL
    SELECT 1 AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "person_name", "hospital_name", "settlement_date", "total_amount" FROM data."claim_b"
  ),
  "_agg" AS (
    SELECT "claim"."id_number" AS k0, count(*) AS m0, sum("claim"."total_amount") AS m1, count(DISTINCT "claim"."hospital_name") AS m2
    FROM "claim"
    WHERE ("claim"."settlement_date" >= CAST($1 AS DATE))
    GROUP BY "claim"."id_number"
    HAVING ((count(*) >= CAST($2 AS DOUBLE)) AND (count(DISTINCT "claim"."hospital_name") >= CAST($3 AS DOUBLE)))
  )
SELECT CAST(json_array(CAST("_agg".k0 AS VARCHAR), CAST("_agg".m0 AS VARCHAR), CAST("_agg".m2 AS VARCHAR), CAST("_agg".m1 AS VARCHAR), NULL) AS VARCHAR) AS texts,
       min("claim"."settlement_date") AS dt4,
       "_agg".m1 AS amount,
       list({'d': "claim"._dataset, 'b': "claim"._batch_id, 'r': "claim"._row_id}) AS ev0
FROM "claim"
  JOIN "_agg" ON "claim"."id_number" IS NOT DISTINCT FROM "_agg".k0
WHERE ("claim"."settlement_date" >= CAST($1 AS DATE))
GROUP BY "_agg".k0, "_agg".m0, "_agg".m1, "_agg".m2
