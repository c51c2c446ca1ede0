-- near (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 100
WITH "tobacco" AS (
    SELECT "_batch_id", "_row_id", "licence_no", "lat", "lng", CAST(floor("lat" / (CAST($1 AS double precision) / 111000.0)) AS BIGINT) AS "_cell1y", CAST(floor("lng" / (CAST($1 AS double precision) / 55500.0)) AS BIGINT) AS "_cell1x" FROM data."tobacco"
  ),
  "school" AS (
    SELECT "licence_no", "org_name", "school_type", "student_count", "lat", "lng" FROM data."school"
  ),
  "school__grid1" AS (
    SELECT g.*, CAST(floor(g."lat" / (CAST($1 AS double precision) / 111000.0)) AS BIGINT) + dy.d AS _gy, CAST(floor(g."lng" / (CAST($1 AS double precision) / 55500.0)) AS BIGINT) + dx.d AS _gx
    FROM "school" AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)
    WHERE g."lat" IS NOT NULL AND g."lng" IS NOT NULL
  )
SELECT json_build_array(CAST("tobacco"."licence_no" AS text)) AS texts,
       json_agg(json_build_array("tobacco"._batch_id, "tobacco"._row_id)) AS ev0
FROM "tobacco"
WHERE EXISTS (SELECT 1 FROM "school__grid1" AS "school" WHERE "tobacco"."_cell1y" = "school"."_gy" AND "tobacco"."_cell1x" = "school"."_gx" AND ((2 * 6371008.8 * asin(sqrt(power(sin(radians("school"."lat" - "tobacco"."lat") / 2), 2) + cos(radians("tobacco"."lat")) * cos(radians("school"."lat")) * power(sin(radians("school"."lng" - "tobacco"."lng") / 2), 2)))) <= CAST($1 AS double precision)))
GROUP BY "tobacco"."licence_no"
