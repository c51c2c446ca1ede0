/**
 * Speed of the normalisation macros: each over 1,000,000 generated cells, written with
 * `CREATE TEMP TABLE … AS SELECT jd_x(raw) FROM cells` (the shape of the import's INSERT … SELECT).
 * Not a test. Run: `npx tsx src/normalize/macro-speed.bench.ts [rows] [name-filter]`
 * (env THREADS=1 for single-threaded CPU cost). Wall time depends on other load on the machine;
 * CPU time (all DuckDB threads) is the steadier number.
 *
 * Cells are 80% already-canonical values and 20% messy variants (full-width digits, blanks,
 * lower case, other spellings), built from a fixed pseudo-random seed.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { idCardCheckChar } from './idcard.js';
import { installNormalizeMacros } from './sql-macros.js';
import { USCC_CHARSET, usccCheckChar } from './uscc.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const DISTINCT = 10_000;

let seed = 42;
function rand(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const messy = (clean: string, variants: readonly ((s: string) => string)[]): string =>
  rand() < 0.8 ? clean : pick(variants)(clean);
const pad = (n: number): string => String(n).padStart(2, '0');

function idcard(): string {
  const first17 = `${pick(['110105', '520102', '330102', '440113'])}${int(1940, 2015)}${pad(int(1, 12))}${pad(int(1, 28))}${digits(3)}`;
  const id = first17 + idCardCheckChar(first17);
  return messy(id, [fullWidth, (s) => s.toLowerCase(), (s) => ` ${s.slice(0, 6)} ${s.slice(6)} `, (s) => s.slice(0, 6) + s.slice(8, 17)]);
}

function uscc(): string {
  const first17 = `91${pick(['520102', '110000', '310115'])}${Array.from({ length: 9 }, () => pick([...USCC_CHARSET])).join('')}`;
  return messy(first17 + usccCheckChar(first17), [fullWidth, (s) => s.toLowerCase(), (s) => `${s.slice(0, 9)} ${s.slice(9)}`]);
}

const SURNAMES = ['张', '王', '李', '赵', '欧阳', '阿卜杜'];
const GIVEN = ['三', '伟', '秀英', '建国', '热合曼', '买买提'];
const personName = (): string =>
  messy(pick(SURNAMES) + pick(GIVEN), [(s) => ` ${s} `, (s) => s.split('').join(' '), (s) => `${s}•${pick(GIVEN)}`, () => 'John  Smith']);
const orgName = (): string =>
  messy(`贵州${pick(['某某', '华信', 'ABC'])}${pick(['科技', '建设', '商贸'])}有限公司`, [
    (s) => s.replace('有限', '（集团）有限'),
    (s) => `${s.slice(0, 2)} (分公司) ${s.slice(2)}`,
    fullWidth,
  ]);
const phone = (): string =>
  messy(`1${int(3, 9)}${digits(9)}`, [(s) => `+86 ${s.slice(0, 3)}-${s.slice(3, 7)}-${s.slice(7)}`, () => `（0851）${int(2, 8)}${digits(7)}`, () => `010-${int(2, 8)}${digits(7)}`, fullWidth]);
const address = (): string => messy(`贵州省贵阳市${pick(['云岩区', '南明区'])}中华北路${int(1, 300)}号`, [(s) => ` ${s}\u3000${int(1, 9)}栋 `, fullWidth]);
function date(): string {
  const [y, m, d] = [int(1950, 2030), int(1, 12), int(1, 28)];
  return messy(`${y}-${pad(m)}-${pad(d)}`, [
    () => `${y}年${m}月${d}日`,
    () => `${y}/${m}/${d}`,
    () => `${y}.${m}.${d}`,
    () => `${y}${pad(m)}${pad(d)}`,
    () => String(int(20000, 60000)),
    () => fullWidth(`${y}-${pad(m)}-${pad(d)}`),
  ]);
}
const datetime = (): string =>
  messy(`${int(1990, 2030)}-${pad(int(1, 12))}-${pad(int(1, 28))} ${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}`, [
    (s) => s.replace(' ', 'T'),
    (s) => s.slice(0, 16).replaceAll('-', '/'),
    () => `${int(1990, 2030)}年${int(1, 12)}月${int(1, 28)}日 ${int(0, 23)}时${int(0, 59)}分`,
    () => `${int(20000, 60000)}.${digits(5)}`,
  ]);
const money = (): string =>
  messy(`${int(0, 999999)}.${digits(2)}`, [(s) => `¥${Number(s).toLocaleString('en-US')}`, (s) => `${s}元`, () => `${int(1, 99)}.${int(0, 9)}万元`, fullWidth]);
const lat = (): string => messy((rand() * 50 + 5).toFixed(6), [(s) => `${s}°`, (s) => `${s}N`, () => `${int(0, 89)}°${int(0, 59)}'${int(0, 59)}.5"N`, fullWidth]);
const lng = (): string => messy((rand() * 60 + 75).toFixed(6), [(s) => `${s}°`, (s) => `E${s}`, fullWidth]);
const coordSystem = (): string => pick(['WGS84', 'gcj02', 'GCJ-02', '火星坐标系', '百度', 'BD09', '高德地图', 'wgs-84']);
const text = (): string => messy(`盗窃案 ${int(1, 999)} 号 卷宗`, [(s) => `  ${s}\n\n`, fullWidth, (s) => s.replaceAll(' ', '\u3000')]);
const code = (): string => messy(`AJ${digits(8)}`, [(s) => s.toLowerCase(), fullWidth, (s) => ` ${s.slice(0, 2)} ${s.slice(2)}`]);
const integer = (): string => messy(String(int(0, 100000)), [(s) => Number(s).toLocaleString('en-US'), (s) => `${s}.0`, fullWidth]);
const boolean = (): string => pick(['是', '否', 'Y', 'n', 'TRUE', '1', '0', '√', '×', '有', '无']);

interface Case {
  readonly name: string;
  readonly gen: () => string;
  readonly expr: (x: string) => string;
}

const CASES: readonly Case[] = [
  { name: 'jd_idcard', gen: idcard, expr: (x) => `jd_idcard(${x})` },
  { name: 'jd_idcard_birth', gen: idcard, expr: (x) => `jd_idcard_birth(${x})` },
  { name: 'jd_idcard_sex', gen: idcard, expr: (x) => `jd_idcard_sex(${x})` },
  { name: 'jd_idcard_age', gen: idcard, expr: (x) => `jd_idcard_age(${x}, DATE '2024-01-01')` },
  { name: 'jd_uscc', gen: uscc, expr: (x) => `jd_uscc(${x})` },
  { name: 'jd_person_name', gen: personName, expr: (x) => `jd_person_name(${x})` },
  { name: 'jd_org_name', gen: orgName, expr: (x) => `jd_org_name(${x})` },
  { name: 'jd_org_key', gen: orgName, expr: (x) => `jd_org_key(${x})` },
  { name: 'jd_phone', gen: phone, expr: (x) => `jd_phone(${x})` },
  { name: 'jd_address', gen: address, expr: (x) => `jd_address(${x})` },
  { name: 'jd_text', gen: text, expr: (x) => `jd_text(${x})` },
  { name: 'jd_code', gen: code, expr: (x) => `jd_code(${x})` },
  { name: 'jd_date', gen: date, expr: (x) => `jd_date(${x})` },
  { name: 'jd_datetime', gen: datetime, expr: (x) => `jd_datetime(${x})` },
  { name: 'jd_money', gen: money, expr: (x) => `jd_money(${x}, 'yuan')` },
  { name: 'jd_lat', gen: lat, expr: (x) => `jd_lat(${x})` },
  { name: 'jd_lng', gen: lng, expr: (x) => `jd_lng(${x})` },
  { name: 'jd_coord_system', gen: coordSystem, expr: (x) => `jd_coord_system(${x})` },
  { name: 'jd_wgs_lng+lat (gcj02)', gen: lng, expr: (x) => `jd_wgs_lng(TRY_CAST(${x} AS DOUBLE), 30.5, 'gcj02'), jd_wgs_lat(TRY_CAST(${x} AS DOUBLE), 30.5, 'gcj02')` },
  { name: 'jd_integer', gen: integer, expr: (x) => `jd_integer(${x})` },
  { name: 'jd_boolean', gen: boolean, expr: (x) => `jd_boolean(${x})` },
];

/** Wall-clock and CPU (all DuckDB threads) milliseconds of one statement. */
async function timed(conn: DuckDBConnection, sql: string): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await conn.run(sql);
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

async function main(): Promise<void> {
  const threads = process.env['THREADS'];
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads } : {});
  const conn = await instance.connect();
  await installNormalizeMacros(conn);
  const filter = process.argv[3];
  console.log(`rows=${ROWS}  min of 3 runs, ms (baseline = copying the raw column)`);
  for (const c of CASES) {
    if (filter !== undefined && !c.name.includes(filter)) continue;
    await conn.run('CREATE OR REPLACE TABLE samples (x VARCHAR)');
    const appender = await conn.createAppender('samples');
    for (let i = 0; i < DISTINCT; i++) {
      appender.appendVarchar(c.gen());
      appender.endRow();
    }
    appender.closeSync();
    await conn.run(`CREATE OR REPLACE TABLE cells AS SELECT x FROM samples, range(${Math.ceil(ROWS / DISTINCT)}) ORDER BY random()`);
    const base = await timed(conn, 'CREATE OR REPLACE TEMP TABLE out AS SELECT x FROM cells');
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await timed(conn, `CREATE OR REPLACE TEMP TABLE out AS SELECT ${c.expr('x')} FROM cells`));
    const wall = Math.min(...runs.map((r) => r.wall));
    const cpu = Math.min(...runs.map((r) => r.cpu));
    console.log(`${c.name.padEnd(26)} wall ${wall.toFixed(0).padStart(6)}  cpu ${cpu.toFixed(0).padStart(6)}   (baseline wall ${base.wall.toFixed(0)})`);
  }
  conn.closeSync();
  instance.closeSync();
}

await main();
