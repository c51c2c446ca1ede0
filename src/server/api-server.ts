import { appendFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { leadListItems, loadLeadDetail } from '../leads/lead-detail.js';
import { describeModel, loadModels } from '../rules/model-registry.js';
import { LeadRepository, RunRepository, type LeadStatus, type WorkflowDb } from '../store/index.js';
import { DatasetRepository } from '../warehouse/dataset.repository.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { Workspace } from '../workspace/workspace.js';

export interface ApiServerOptions {
  readonly wh: Warehouse;
  readonly store: WorkflowDb;
  readonly ws: Workspace;
  readonly port: number;
  readonly host?: string;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Handler = (params: Record<string, string>, query: URLSearchParams) => Promise<unknown>;

const LEAD_STATUSES: readonly LeadStatus[] = ['open', 'cleared'];

function intParam(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new HttpError(400, 'invalid_argument', `参数 ${name} 应为非负整数：${raw}`);
  return Math.min(Number(raw), max);
}

/**
 * The read-only JSON API over a workspace: datasets, models, runs and leads. Personal data in
 * leads is masked (the API has no roles yet, so nobody gets it unmasked), and every request is
 * appended to the workspace's access log with its time, path and status.
 */
export async function startApiServer(options: ApiServerOptions): Promise<RunningServer> {
  const { wh, store, ws } = options;
  const accessLog = path.join(ws.root, 'access.log');
  const routes: [RegExp, Handler][] = [
    [
      /^\/api$/,
      () =>
        Promise.resolve({
          name: '监督 Jiandu API',
          endpoints: ['/api/datasets', '/api/models', '/api/runs', '/api/runs/{id}', '/api/leads?model=&status=&limit=&offset=', '/api/leads/{id}'],
        }),
    ],
    [
      /^\/api\/datasets$/,
      async () => {
        const repo = new DatasetRepository(wh);
        const out = [];
        for (const d of await repo.list()) out.push({ name: d.name, kind: d.kind, rows: await repo.rowCount(d.name), fields: d.fields.map((f) => ({ name: f.name, type: f.type })) });
        return out;
      },
    ],
    [/^\/api\/models$/, () => Promise.resolve(loadModels(ws.root).map(describeModel))],
    [/^\/api\/runs$/, async (_p, q) => new RunRepository(store.db).listRuns({ limit: intParam(q, 'limit', 50, 1000), offset: intParam(q, 'offset', 0, 1e9) })],
    [
      /^\/api\/runs\/(?<id>\d+)$/,
      async (p) => {
        const run = await new RunRepository(store.db).getRun(Number(p['id']));
        if (!run) throw new HttpError(404, 'not_found', `运行 ${p['id']} 不存在`);
        return run;
      },
    ],
    [
      /^\/api\/leads$/,
      async (_p, q) => {
        const status = q.get('status') ?? undefined;
        if (status !== undefined && !LEAD_STATUSES.includes(status as LeadStatus)) throw new HttpError(400, 'invalid_argument', `status 只能是 ${LEAD_STATUSES.join('、')}`);
        const rows = await new LeadRepository(store.db).listLeads({
          modelId: q.get('model') ?? undefined,
          status: status as LeadStatus | undefined,
          limit: intParam(q, 'limit', 100, 1000),
          offset: intParam(q, 'offset', 0, 1e9),
        });
        return leadListItems(wh, rows, false);
      },
    ],
    [
      /^\/api\/leads\/(?<id>\d+)$/,
      async (p) => {
        const detail = await loadLeadDetail(wh, store, Number(p['id']), false);
        if (!detail) throw new HttpError(404, 'not_found', `线索 ${p['id']} 不存在`);
        return detail;
      },
    ],
  ];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`${JSON.stringify(body, null, 2)}\n`);
      appendFileSync(accessLog, `${JSON.stringify({ time: new Date().toISOString(), method: req.method, path: url.pathname + url.search, status })}\n`);
    };
    void (async () => {
      try {
        if (req.method !== 'GET') throw new HttpError(405, 'method_not_allowed', '只支持 GET');
        const pathname = url.pathname.replace(/\/+$/, '') || '/';
        const route = pathname === '/' ? routes[0] : routes.find(([re]) => re.test(pathname));
        if (!route) throw new HttpError(404, 'not_found', `没有这个接口：${pathname}（见 /api）`);
        const params = route[0].exec(pathname)?.groups ?? {};
        send(200, await route[1](params, url.searchParams));
      } catch (error) {
        if (error instanceof HttpError) send(error.status, { error: { code: error.code, message: error.message } });
        else send(500, { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
      }
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
