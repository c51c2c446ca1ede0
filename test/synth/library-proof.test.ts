import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../src/demo/demo.service.js';
import { loadModels } from '../../src/rules/model-registry.js';
import { startApiServer, type RunningServer } from '../../src/server/api-server.js';
import { openMemoryWorkflowDb, type WorkflowDb } from '../../src/store/index.js';
import { loadScenarios } from '../../src/synth/scenarios/index.js';
import { tempWorkspace } from '../support/temp-workspace.js';

// The proof of the built-in library: a fresh synthetic county (messy GBK CSV and XLSX agency
// files, near misses planted beside every violation) goes through the normal import path, the
// whole library runs on it, and every model must find exactly the planted leads.
const SCALE = 0.2;

let env: Awaited<ReturnType<typeof tempWorkspace>>;
let store: WorkflowDb;
let result: DemoResult;

beforeAll(async () => {
  env = await tempWorkspace();
  store = await openMemoryWorkflowDb();
  result = await runDemo(env.wh, store, env.ws, { scale: SCALE, seed: 20_241_121, asOf: '2024-06-30' });
}, 600_000);

afterAll(async () => {
  await store.close();
  env.dispose();
});

describe('the built-in library on a synthetic county', () => {
  it('every built-in model has a scenario that plants leads and near misses', async () => {
    const scenarios = new Map((await loadScenarios()).map((s) => [s.model, s]));
    const builtin = loadModels(env.ws.root).filter((m) => m.origin === 'builtin');
    expect(builtin.length).toBeGreaterThanOrEqual(18);
    for (const m of builtin) {
      expect(scenarios.has(m.spec.id), `${m.spec.id} has no synthetic scenario`).toBe(true);
      const summary = result.manifest.scenarios.find((s) => s.model === m.spec.id);
      expect(summary?.leads, `${m.spec.id} planted leads`).toBeGreaterThan(0);
      expect(summary?.nearMisses, `${m.spec.id} near misses`).toBeGreaterThan(0);
    }
  });

  it('the county is messy like real exports: GBK CSV and XLSX, broken lines quarantined, title rows skipped', () => {
    const formats = new Set(result.manifest.files.map((f) => f.format));
    expect(formats).toContain('xlsx');
    expect(formats).toContain('csv-gbk');
    expect(result.manifest.files.some((f) => f.brokenLines > 0)).toBe(true);
    expect(result.imported).toBe(result.manifest.files.length);
  });

  it('every model runs and finds exactly the planted leads: precision and recall 1.0', () => {
    expect(result.skipped).toEqual([]);
    expect(result.run.models.filter((m) => m.error)).toEqual([]);
    for (const s of result.scores) {
      expect({ model: s.model, missing: s.missing, unexpected: s.unexpected }).toEqual({ model: s.model, missing: [], unexpected: [] });
      expect(s.precision).toBe(1);
      expect(s.recall).toBe(1);
    }
    const total = result.scores.reduce((n, s) => n + s.expected, 0);
    expect(total).toBeGreaterThan(0);
  });

  it('a second demo run reuses the county, imports nothing twice and finds no new lead', async () => {
    const again = await runDemo(env.wh, store, env.ws, { scale: SCALE, seed: 20_241_121 });
    expect(again.imported).toBe(0);
    expect(again.alreadyImported).toBe(result.manifest.files.length);
    expect(again.run.models.reduce((n, m) => n + m.new, 0)).toBe(0);
    expect(again.scores.every((s) => s.precision === 1 && s.recall === 1)).toBe(true);
  }, 300_000);
});

describe('JSON API over the demo workspace', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startApiServer({ wh: env.wh, store, ws: env.ws, port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });
  const get = async (p: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${server.url}${p}`);
    return { status: res.status, body: await res.json() };
  };

  it('lists datasets, models, runs and leads', async () => {
    const datasets = (await get('/api/datasets')).body as { name: string; rows: number }[];
    expect(datasets.length).toBeGreaterThan(10);
    expect(datasets.every((d) => d.rows > 0)).toBe(true);
    const models = (await get('/api/models')).body as { id: string; legalBasis: unknown[] }[];
    expect(models.length).toBeGreaterThanOrEqual(18);
    const runs = (await get('/api/runs')).body as { id: number }[];
    expect(runs.length).toBeGreaterThanOrEqual(1);
    const run = (await get(`/api/runs/${runs[0]!.id}`)).status;
    expect(run).toBe(200);
    const leads = (await get('/api/leads?limit=1000')).body as { id: number; subject: Record<string, string> }[];
    expect(leads.length).toBe(result.scores.reduce((n, s) => n + s.found, 0));
  });

  it('masks ID numbers in lead subjects and evidence', async () => {
    const leads = (await get('/api/leads?limit=1000')).body as { id: number; subject: Record<string, string> }[];
    const values = leads.flatMap((l) => Object.values(l.subject));
    expect(values.some((v) => /^\d{6}\*{8}[\dX]{4}$/.test(String(v)))).toBe(true);
    expect(values.some((v) => /^\d{17}[\dX]$/.test(String(v)))).toBe(false);
    const withId = leads.find((l) => Object.values(l.subject).some((v) => String(v).includes('*')))!;
    const detail = (await get(`/api/leads/${withId.id}`)).body as { evidenceRows: { fields: { type: string; value: string | null }[] }[] };
    const ids = detail.evidenceRows.flatMap((r) => r.fields.filter((f) => f.type === 'idcard' && f.value !== null).map((f) => f.value!));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((v) => v.includes('*'))).toBe(true);
  });

  it('masks ID numbers, phones and the names of the evidence inside titles, reasons and explanations', async () => {
    const leads = (await get('/api/leads?limit=1000')).body as { id: number; modelId: string; title: string; reason: string }[];
    const unmaskedId = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
    const unmaskedMobile = /(?<!\d)1[3-9]\d{9}(?!\d)/;
    for (const l of leads) {
      expect(l.title + l.reason, `lead ${l.id}`).not.toMatch(unmaskedId);
      expect(l.title + l.reason, `lead ${l.id}`).not.toMatch(unmaskedMobile);
    }
    // hotel_minors writes the guest's ID number and name into its reason: both come out masked.
    const hotel = leads.find((l) => l.modelId === 'hotel_minors')!;
    expect(hotel.reason).toMatch(/\d{6}\*{8}[\dX]{4}/);
    // The guest's name ends the title (…接待{c.person_name}): masked in the list as well.
    expect(leads.filter((l) => l.modelId === 'hotel_minors').every((l) => /接待[^*]\*+$/.test(l.title))).toBe(true);
    const detail = (await get(`/api/leads/${hotel.id}`)).body as {
      reason: string;
      explanation: { values: Record<string, string | null> }[];
      evidenceRows: { fields: { type: string; value: string | null }[] }[];
    };
    const names = detail.evidenceRows.flatMap((r) => r.fields.filter((f) => f.type === 'person_name' && f.value !== null).map((f) => f.value!));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('*'))).toBe(true);
    expect(detail.reason).toMatch(/[\u4e00-\u9fff]\*+/);
    const values = detail.explanation.flatMap((x) => Object.values(x.values)).filter((v): v is string => v !== null);
    expect(values.some((v) => unmaskedId.test(v))).toBe(false);
  });

  it('answers unknown paths, bad parameters and writes with JSON errors', async () => {
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await get('/api/leads/99999999')).status).toBe(404);
    expect((await get('/api/leads?status=bogus')).status).toBe(400);
    expect((await get('/api/leads?limit=-1')).status).toBe(400);
    const post = await fetch(`${server.url}/api/leads`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
