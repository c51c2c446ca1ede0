import type { Org, OrgOptions, Person, PersonOptions, Point, Rng, ScenarioContext, SynthRow } from './scenario.js';
import { addDays } from './dates.js';
import { offsetPoint, type SiteGrid } from './geo.js';
import type { IdentityFactory } from './identities.js';

/** One lead the ground truth says a model must find. */
export interface ExpectedLead {
  readonly model: string;
  readonly subject: Readonly<Record<string, string>>;
  readonly note: string;
}

/** What the county hands every scenario: shared identities and sites, the scenario's own random stream. */
export interface CountyServices {
  readonly scale: number;
  readonly asOf: string;
  readonly identities: IdentityFactory;
  readonly sites: SiteGrid;
  readonly serials: Map<string, number>;
  emit(kind: string, row: SynthRow): void;
  expectLead(lead: ExpectedLead): void;
}

/** The ScenarioContext of one scenario: everything shared comes from the county, the randomness is its own. */
export class CountyContext implements ScenarioContext {
  readonly scale: number;
  readonly asOf: string;
  nearMisses = 0;
  leads = 0;
  rows = 0;

  constructor(
    private readonly model: string,
    private readonly county: CountyServices,
    readonly rng: Rng,
  ) {
    this.scale = county.scale;
    this.asOf = county.asOf;
  }

  person(options?: PersonOptions): Person {
    return this.county.identities.person(options);
  }

  org(options?: OrgOptions): Org {
    return this.county.identities.org(options);
  }

  site(): Point {
    return this.county.sites.site();
  }

  offset(from: Point, metres: number, bearingDeg: number): Point {
    return offsetPoint(from, metres, bearingDeg);
  }

  daysAgo(days: number): string {
    return addDays(this.asOf, -days);
  }

  addDays(date: string, days: number): string {
    return addDays(date, days);
  }

  serial(prefix: string): string {
    const n = (this.county.serials.get(prefix) ?? 0) + 1;
    this.county.serials.set(prefix, n);
    return `${prefix}${String(n).padStart(7, '0')}`;
  }

  emit(kind: string, row: SynthRow): void {
    this.rows++;
    this.county.emit(kind, row);
  }

  expectLead(subject: Readonly<Record<string, string>>, note: string): void {
    this.leads++;
    this.county.expectLead({ model: this.model, subject, note });
  }

  nearMiss(_note: string): void {
    this.nearMisses++;
  }
}
