import { getKind } from '../catalog/catalog.js';
import type { SynthRow } from './scenario.js';
import { SeededRng } from './rng.js';
import { AgencyFile, type AgencyFileFormat, type AgencyFileRecord } from './writers/agency-file.js';

/** Which agencies export each kind, and in which format: small registries come as XLSX, big logs as CSV. */
interface KindExport {
  readonly agencies: readonly string[];
  readonly formats: readonly AgencyFileFormat[];
}

const DEFAULT_EXPORT: KindExport = { agencies: ['毕节市七星关区'], formats: ['csv-gbk'] };

const EXPORTS: Readonly<Record<string, KindExport>> = {
  school: { agencies: ['七星关区教育局'], formats: ['xlsx'] },
  tobacco_retailer: { agencies: ['七星关区烟草专卖局'], formats: ['xlsx'] },
  entertainment_venue: { agencies: ['七星关区文体广电旅游局'], formats: ['csv-gbk'] },
  hotel: { agencies: ['七星关区公安分局治安大队'], formats: ['xlsx'] },
  hotel_checkin: { agencies: ['七星关区公安分局治安大队', '大方县公安局治安大队'], formats: ['csv-gbk', 'csv-utf8'] },
  construction_project: { agencies: ['七星关区发展和改革局'], formats: ['xlsx'] },
  construction_permit: { agencies: ['七星关区住房和城乡建设局'], formats: ['xlsx'] },
  wage_deposit: { agencies: ['七星关区人力资源和社会保障局'], formats: ['csv-gbk'] },
  fee_payment: { agencies: ['七星关区水务局'], formats: ['csv-gbk'] },
  land_use_approval: { agencies: ['毕节市自然资源和规划局'], formats: ['xlsx'] },
  tax_payment: { agencies: ['国家税务总局毕节市七星关区税务局'], formats: ['csv-gbk'] },
  police_case_registration: { agencies: ['毕节市公安局七星关分局', '大方县公安局'], formats: ['xlsx', 'csv-gbk'] },
  police_case_closure: { agencies: ['毕节市公安局七星关分局'], formats: ['csv-gbk'] },
  court_service: { agencies: ['七星关区人民法院'], formats: ['csv-utf8'] },
  court_case: { agencies: ['七星关区人民法院'], formats: ['csv-gbk'] },
  admin_enforcement_case: { agencies: ['七星关区人民法院'], formats: ['xlsx'] },
  enforcement_settlement: { agencies: ['七星关区人民法院'], formats: ['xlsx'] },
  business_registration: { agencies: ['七星关区市场监督管理局'], formats: ['csv-gbk'] },
  welfare_payment: { agencies: ['七星关区民政局'], formats: ['csv-gbk'] },
  crime_victim: { agencies: ['七星关区人民检察院案管办'], formats: ['xlsx'] },
  death_registration: { agencies: ['七星关区民政局殡葬管理所'], formats: ['csv-gbk'] },
  detention: { agencies: ['毕节市看守所'], formats: ['xlsx'] },
  community_correction: { agencies: ['七星关区司法局'], formats: ['xlsx'] },
  administrative_penalty: { agencies: ['毕节市公安局七星关分局', '七星关区综合行政执法局'], formats: ['csv-gbk', 'xlsx'] },
  medical_institution: { agencies: ['七星关区卫生健康局'], formats: ['xlsx'] },
  medical_practitioner: { agencies: ['七星关区卫生健康局'], formats: ['xlsx'] },
  medical_insurance_claim: { agencies: ['七星关区医疗保障局'], formats: ['csv-gbk'] },
  housing_fund_withdrawal: { agencies: ['毕节市住房公积金管理中心'], formats: ['csv-gbk'] },
  marriage_registration: { agencies: ['七星关区民政局婚姻登记处'], formats: ['xlsx'] },
  property_registration: { agencies: ['毕节市不动产登记中心'], formats: ['csv-gbk'] },
  vehicle_registration: { agencies: ['毕节市公安局交通管理支队车辆管理所'], formats: ['csv-gbk'] },
  public_housing_tenant: { agencies: ['七星关区住房保障中心'], formats: ['xlsx'] },
  hospital_visit: { agencies: ['毕节市第一人民医院', '七星关区人民医院'], formats: ['csv-gbk', 'xlsx'] },
  injury_assessment: { agencies: ['毕节市公安局物证鉴定所'], formats: ['xlsx'] },
  labour_transfer: { agencies: ['七星关区劳动保障监察大队'], formats: ['xlsx'] },
  employee: { agencies: ['七星关区人力资源和社会保障局'], formats: ['csv-gbk'] },
  social_insurance_payment: { agencies: ['七星关区社会保险事业局'], formats: ['csv-gbk'] },
};

/** About one CSV row in this many is followed by a broken line. */
const BROKEN_LINE_RATE = 1 / 4000;

/**
 * Routes canonical rows to the agency files of their kind: each kind has one or two exporting
 * agencies (rows are shared out between them at random), each with its own file habits.
 */
export class CountyWriter {
  private readonly files = new Map<string, AgencyFile[]>();
  private counter = 0;
  private readonly routeRng: SeededRng;

  constructor(
    private readonly dir: string,
    private readonly seed: number,
    private readonly plain: boolean,
  ) {
    this.routeRng = new SeededRng(`${seed}:route`);
  }

  write(kindId: string, row: SynthRow): void {
    let files = this.files.get(kindId);
    if (!files) this.files.set(kindId, (files = this.openKind(kindId)));
    const file = files.length === 1 ? files[0] : files[Math.floor(this.routeRng.next() * files.length)];
    (file as AgencyFile).write(row);
  }

  private openKind(kindId: string): AgencyFile[] {
    const kind = getKind(kindId);
    if (!kind) throw new Error(`合成县：未知的数据集类型“${kindId}”`);
    const spec = this.plain ? { agencies: ['合成县'], formats: ['csv-plain'] as const } : (EXPORTS[kindId] ?? DEFAULT_EXPORT);
    return spec.agencies.map((agency, i) => {
      this.counter++;
      const format = spec.formats[i % spec.formats.length] as AgencyFileFormat;
      return new AgencyFile({
        dir: this.dir,
        baseName: `${String(this.counter).padStart(2, '0')}-${agency}-${kind.name}`,
        kind,
        agency,
        format,
        rng: new SeededRng(`${this.seed}:file:${kindId}:${i}`),
        brokenLineRate: format.startsWith('csv') && !this.plain ? BROKEN_LINE_RATE : 0,
      });
    });
  }

  /** Closes every file and returns what was written, in the order the files were opened. */
  close(): AgencyFileRecord[] {
    const out: AgencyFileRecord[] = [];
    for (const files of this.files.values()) {
      for (const f of files) {
        f.close();
        out.push(...f.records);
      }
    }
    return out;
  }
}
