-- join_near (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 100
--   $2 = "tobacco"
--   $3 = "school"
--   $4 = 100
--   $5 = 100
--   $6 = "join_near"
WITH "tobacco" AS (
    SELECT CAST($2 AS text) AS _dataset, "_batch_id", "_row_id", "licence_no", "lat", "lng", CAST(floor("lat" / (CAST($1 AS double precision) / 111000.0)) AS BIGINT) AS "_cell1y", CAST(floor("lng" / (CAST($1 AS double precision) / 55500.0)) AS BIGINT) AS "_cell1x" FROM data."tobacco"
  ),
  "school" AS (
    SELECT CAST($3 AS text) AS _dataset, "_batch_id", "_row_id", "licence_no", "org_name", "school_type", "student_count", "lat", "lng" FROM data."school"
  ),
  "school__grid1" AS (
    SELECT g.*, CAST(floor(g."lat" / (CAST($4 AS double precision) / 111000.0)) AS BIGINT) + dy.d AS _gy, CAST(floor(g."lng" / (CAST($4 AS double precision) / 55500.0)) AS BIGINT) + dx.d AS _gx
    FROM "school" AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)
    WHERE g."lat" IS NOT NULL AND g."lng" IS NOT NULL
  )
SELECT md5(coalesce(CAST($6 AS text), '') || chr(31) || coalesce(CAST("tobacco"."licence_no" AS text), '')) AS fingerprint,
       CAST("tobacco"."licence_no" AS text) AS s0,
       CAST(min("school"."org_name") AS text) AS t0,
       CAST(min((2 * 6371008.8 * asin(sqrt(power(sin(radians("school"."lat" - "tobacco"."lat") / 2), 2) + cos(radians("tobacco"."lat")) * cos(radians("school"."lat")) * power(sin(radians("school"."lng" - "tobacco"."lng") / 2), 2))))) AS text) AS t1,
       NULL AS amount,
       CAST(jsonb_agg(DISTINCT jsonb_build_object('dataset', "tobacco"._dataset, 'batchId', "tobacco"._batch_id, 'rowId', "tobacco"._row_id)) AS text) AS ev0,
       CAST(jsonb_agg(DISTINCT jsonb_build_object('dataset', "school"._dataset, 'batchId', "school"._batch_id, 'rowId', "school"._row_id)) AS text) AS ev1
FROM "tobacco"
  JOIN "school__grid1" AS "school" ON "tobacco"."_cell1y" = "school"."_gy" AND "tobacco"."_cell1x" = "school"."_gx" AND ((2 * 6371008.8 * asin(sqrt(power(sin(radians("school"."lat" - "tobacco"."lat") / 2), 2) + cos(radians("tobacco"."lat")) * cos(radians("school"."lat")) * power(sin(radians("school"."lng" - "tobacco"."lng") / 2), 2)))) <= CAST($5 AS double precision))
GROUP BY "tobacco"."licence_no"
