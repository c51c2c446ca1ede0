-- nested_exists (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 50000
WITH "claim" AS (
    SELECT 0 AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "person_name", "hospital_name", "settlement_date", "total_amount" FROM data."claim_a"
    UNION ALL
    SELECT 1 AS _dataset, "_batch_id", "_row_id", "claim_no", "id_number", "person_name", "hospital_name", "settlement_date", "total_amount" FROM data."claim_b"
  ),
  "death" AS (
    SELECT "id_number", "person_name", "death_date" FROM data."死亡登记"
  )
SELECT json_build_array(CAST("claim"."claim_no" AS text), CAST(min("claim"."total_amount") AS text)) AS texts,
       json_agg(json_build_array("claim"._dataset, "claim"._batch_id, "claim"._row_id)) AS ev0,
       bool_or(("claim"."total_amount" >= CAST($1 AS numeric))) AS x0,
       bool_or(EXISTS (SELECT 1 FROM "death" WHERE "claim"."id_number" = "death"."id_number" AND ("death"."death_date" < "claim"."settlement_date"))) AS x1
FROM "claim"
WHERE (("claim"."total_amount" >= CAST($1 AS numeric)) OR EXISTS (SELECT 1 FROM "death" WHERE "claim"."id_number" = "death"."id_number" AND ("death"."death_date" < "claim"."settlement_date")))
GROUP BY "claim"."claim_no"
