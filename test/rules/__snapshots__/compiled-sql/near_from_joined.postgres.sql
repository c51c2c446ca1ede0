-- near_from_joined (postgres), run date 2024-06-30, default parameters
-- parameters:
--   $1 = 100
WITH "school" AS (
    SELECT "_batch_id", "_row_id", "licence_no", "org_name", "school_type", "student_count", "lat", "lng", CAST(floor("lat" / (CAST($1 AS double precision) / 111000.0)) AS BIGINT) AS "_cell1y", CAST(floor("lng" / (CAST($1 AS double precision) / 55500.0)) AS BIGINT) AS "_cell1x" FROM data."school"
  ),
  "shop" AS (
    SELECT "_batch_id", "_row_id", "licence_no", "lat", "lng", CAST(floor("lat" / (CAST($1 AS double precision) / 111000.0)) AS BIGINT) AS "_cell2y", CAST(floor("lng" / (CAST($1 AS double precision) / 55500.0)) AS BIGINT) AS "_cell2x" FROM data."tobacco"
  ),
  "other" AS (
    SELECT "licence_no", "lat", "lng" FROM data."tobacco"
  ),
  "shop__grid1" AS (
    SELECT g.*, CAST(floor(g."lat" / (CAST($1 AS double precision) / 111000.0)) AS BIGINT) + dy.d AS _gy, CAST(floor(g."lng" / (CAST($1 AS double precision) / 55500.0)) AS BIGINT) + dx.d AS _gx
    FROM "shop" AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)
    WHERE g."lat" IS NOT NULL AND g."lng" IS NOT NULL
  ),
  "other__grid2" AS (
    SELECT g.*, CAST(floor(g."lat" / (CAST($1 AS double precision) / 111000.0)) AS BIGINT) + dy.d AS _gy, CAST(floor(g."lng" / (CAST($1 AS double precision) / 55500.0)) AS BIGINT) + dx.d AS _gx
    FROM "other" AS g, (VALUES (-1), (0), (1)) AS dy(d), (VALUES (-1), (0), (1)) AS dx(d)
    WHERE g."lat" IS NOT NULL AND g."lng" IS NOT NULL
  )
SELECT json_build_array(CAST("school"."licence_no" AS text), CAST(min("shop"."licence_no") AS text)) AS texts,
       jsonb_agg(DISTINCT jsonb_build_array("school"._batch_id, "school"._row_id)) AS ev0,
       jsonb_agg(DISTINCT jsonb_build_array("shop"._batch_id, "shop"._row_id)) AS ev1
FROM "school"
  JOIN "shop__grid1" AS "shop" ON "school"."_cell1y" = "shop"."_gy" AND "school"."_cell1x" = "shop"."_gx" AND ((2 * 6371008.8 * asin(sqrt(power(sin(radians("shop"."lat" - "school"."lat") / 2), 2) + cos(radians("school"."lat")) * cos(radians("shop"."lat")) * power(sin(radians("shop"."lng" - "school"."lng") / 2), 2)))) <= CAST($1 AS double precision))
WHERE EXISTS (SELECT 1 FROM "other__grid2" AS "other" WHERE "shop"."_cell2y" = "other"."_gy" AND "shop"."_cell2x" = "other"."_gx" AND ((2 * 6371008.8 * asin(sqrt(power(sin(radians("other"."lat" - "shop"."lat") / 2), 2) + cos(radians("shop"."lat")) * cos(radians("other"."lat")) * power(sin(radians("other"."lng" - "shop"."lng") / 2), 2)))) <= CAST($1 AS double precision)))
GROUP BY "school"."licence_no"
