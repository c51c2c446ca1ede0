/**
 * How the workflow store turns PostgreSQL text values into JavaScript, the same on PGlite and
 * on node-postgres so that the conformance suite sees identical rows from both:
 * - `int8` (ids, `count(*)`) → number. node-postgres returns a string by default; ids stay far
 *   below 2^53.
 * - `numeric` (amounts, `numeric(18,2)`) → number. Exact to the cent below 2^53 / 100 ≈ 9·10^13 yuan.
 * - `date` → the 'YYYY-MM-DD' text itself. Both drivers would otherwise build a Date at a
 *   time-zone-dependent midnight, which shifts the day east of UTC.
 * Everything else (timestamptz → Date, json and jsonb → parsed) keeps the drivers' defaults.
 */
export const WORKFLOW_TYPE_PARSERS: Readonly<Record<number, (text: string) => unknown>> = Object.freeze({
  20: (text: string) => Number(text), // int8
  1700: (text: string) => Number(text), // numeric
  1082: (text: string) => text, // date
});
