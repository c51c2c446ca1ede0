-- near (duckdb), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 100
--   $2 = "tobacco"
--   $3 = "school"
--   $4 = 100
--   $5 = 100
--   $6 = "near"
WITH "tobacco" AS (
    SELECT CAST($2 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "licence_no", "lat", "lng", CAST(floor("lat" / (CAST($1 AS DOUBLE) / 111000.0)) AS BIGINT) AS "_cell1y", CAST(floor("lng" / (CAST($1 AS DOUBLE) / 55500.0)) AS BIGINT) AS "_cell1x" FROM data."tobacco"
  ),
  "school" AS (
    SELECT CAST($3 AS VARCHAR) AS _dataset, "_batch_id", "_row_id", "licence_no", "org_name", "school_type", "student_count", "lat", "lng" FROM data."school"
  ),
  "school__grid1" AS (
    SELECT g.*, CAST(floor(g."lat" / (CAST($4 AS DOUBLE) / 111000.0)) AS BIGINT) + dy.d AS _gy, CAST(floor(g."lng" / (CAST($4 AS DOUBLE) / 55500.0)) AS BIGINT) + dx.d AS _gx
    FROM "school" AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)
    WHERE g."lat" IS NOT NULL AND g."lng" IS NOT NULL
  )
SELECT md5(coalesce(CAST($6 AS VARCHAR), '') || chr(31) || coalesce(CAST("tobacco"."licence_no" AS VARCHAR), '')) AS fingerprint,
       CAST("tobacco"."licence_no" AS VARCHAR) AS s0,
       NULL AS amount,
       CAST(to_json(list(DISTINCT {'dataset': "tobacco"._dataset, 'batchId': "tobacco"._batch_id, 'rowId': "tobacco"._row_id})) AS VARCHAR) AS ev0,
       true AS x0
FROM "tobacco"
WHERE EXISTS (SELECT 1 FROM "school__grid1" AS "school" WHERE "tobacco"."_cell1y" = "school"."_gy" AND "tobacco"."_cell1x" = "school"."_gx" AND ((2 * 6371008.8 * asin(sqrt(power(sin(radians("school"."lat" - "tobacco"."lat") / 2), 2) + cos(radians("tobacco"."lat")) * cos(radians("school"."lat")) * power(sin(radians("school"."lng" - "tobacco"."lng") / 2), 2)))) <= CAST($5 AS DOUBLE)))
GROUP BY "tobacco"."licence_no"
