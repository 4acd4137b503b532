import type { MemberRole } from "@/db/schema";
import { countries, type CountryProfile } from "./data/countries";
import { createRng, mix32 } from "./random";

export interface SeedMember {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
}

/** Everything the generator needs; the same plan always yields the same rows. */
export interface SeedPlan {
  seed: number;
  /** The workspace the rows belong to; also the namespace of their ids. */
  workspaceId: string;
  contacts: number;
  companies: number;
  /** Timestamps spread over the year before this instant. */
  now: Date;
  /** Owners and authors; the first admin runs the "imports". */
  members: readonly SeedMember[];
  /** 1 gives the demo's density (about 6 activities per contact); lower for very large workspaces. */
  activityScale: number;
  /** Written as the audit actor of every seeded record. */
  actorName: string;
}

export const DAY = 86_400_000;
export const YEAR = 365 * DAY;

/**
 * Where every company and contact sits, computed once per plan in O(companies) memory: companies are
 * grouped by country in index order, and each company owns a contiguous range of contact indexes
 * (sizes skewed, a few large accounts and a long tail). Contiguous ranges give each contact a rank
 * within its company, which is what makes email addresses unique without remembering the ones issued.
 */
export interface SeedLayout {
  plan: SeedPlan;
  /** contactStart[k] is the first contact index of company k; contactStart[companies] = contacts. */
  contactStart: Int32Array;
  /** countryStart[c] is the first company index of countries[c]. */
  countryStart: Int32Array;
  /** Precomputed so the year's import bursts stay the same for every contact. */
  importBursts: ReadonlyArray<{ at: number; fileName: string }>;
}

export function createLayout(plan: SeedPlan): SeedLayout {
  if (plan.members.length === 0) throw new Error("a seed plan needs at least one member");
  const companyCount = plan.companies;
  const totalWeight = countries.reduce((sum, country) => sum + country.weight, 0);
  const countryStart = new Int32Array(countries.length + 1);
  let cumulative = 0;
  countries.forEach((country, c) => {
    countryStart[c] = Math.round((cumulative / totalWeight) * companyCount);
    cumulative += country.weight;
  });
  countryStart[countries.length] = companyCount;

  const weights = new Float64Array(companyCount);
  let weightSum = 0;
  for (let k = 0; k < companyCount; k++) {
    const u = createRng(plan.seed, "company-size", k).next();
    // Exponential tail with a handful of key accounts several times the median.
    const weight = 0.25 + -Math.log(1 - u * 0.999) * (u > 0.97 ? 3 : 1);
    weights[k] = weight;
    weightSum += weight;
  }
  const contactStart = new Int32Array(companyCount + 1);
  // Every company gets at least one contact when there are enough to go round.
  const guaranteed = plan.contacts >= companyCount ? 1 : 0;
  const spread = plan.contacts - guaranteed * companyCount;
  let running = 0;
  for (let k = 0; k < companyCount; k++) {
    contactStart[k] = guaranteed * k + Math.round((running / weightSum) * spread);
    running += weights[k]!;
  }
  contactStart[companyCount] = plan.contacts;

  const burstNames = ["tradeshow-leads", "webinar-registrants", "partner-list", "crm-migration", "event-badge-scans", "newsletter-export"];
  const importBursts = burstNames.map((name, b) => {
    const rng = createRng(plan.seed, "import-burst", b);
    const at = plan.now.getTime() - rng.int(10, 350) * DAY + rng.int(8, 17) * 3_600_000;
    const month = new Date(at).toISOString().slice(0, 7);
    return { at, fileName: `${name}-${month}.csv` };
  });
  return { plan, contactStart, countryStart, importBursts };
}

export function companyCountry(layout: SeedLayout, k: number): { country: CountryProfile; rank: number } {
  let c = 0;
  while (c < countries.length - 1 && layout.countryStart[c + 1]! <= k) c++;
  return { country: countries[c]!, rank: k - layout.countryStart[c]! };
}

/** The company whose contact range holds contact `i`, and the contact's rank inside it. */
export function contactSlot(layout: SeedLayout, i: number): { company: number; rank: number } {
  const starts = layout.contactStart;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return { company: lo, rank: i - starts[lo]! };
}

export function companyRange(layout: SeedLayout, k: number): { start: number; end: number } {
  return { start: layout.contactStart[k]!, end: layout.contactStart[k + 1]! };
}

/** About one contact in sixteen uses a personal address and is not linked to a company. */
export function isPersonalContact(plan: SeedPlan, i: number): boolean {
  return createRng(plan.seed, "personal", i).next() < 0.06;
}

/** When a contact was added: a growing trend over the year, quieter weekends, plus a few import bursts. */
export function contactCreation(layout: SeedLayout, i: number): { createdAt: Date; importFile: string | null } {
  const { plan } = layout;
  const rng = createRng(plan.seed, "contact-created", i);
  const now = plan.now.getTime();
  if (rng.chance(0.22)) {
    const burst = rng.pick(layout.importBursts);
    // One import writes its rows within a few minutes.
    return { createdAt: new Date(Math.min(burst.at + rng.int(0, 600_000), now - 3_600_000)), importFile: burst.fileName };
  }
  const age = (1 - Math.sqrt(rng.next())) * YEAR;
  let at = now - age;
  const weekday = new Date(at).getUTCDay();
  if ((weekday === 0 || weekday === 6) && rng.chance(0.75)) at -= (weekday === 0 ? 2 : 1) * DAY;
  const day = Math.floor(at / DAY) * DAY;
  at = day + rng.int(7, 18) * 3_600_000 + rng.int(0, 3_599_999);
  return { createdAt: new Date(Math.max(now - YEAR, Math.min(at, now - 3_600_000))), importFile: null };
}

/** (index * step + offset) mod size visits every value once per `size` indexes: a cheap shuffled bijection. */
export function permute(index: number, size: number, salt: number): number {
  const steps = [7_919, 104_729, 1_299_709, 15_485_863, 179_424_673];
  let step = steps[mix32(salt) % steps.length]!;
  while (gcd(step % size || size, size) !== 1) step += 2;
  const offset = mix32(salt ^ 0x5bd1e995) % size;
  // Both factors stay below `size`, so the product is exact in a double for any realistic pool.
  return (((index % size) * (step % size)) % size + offset) % size;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
