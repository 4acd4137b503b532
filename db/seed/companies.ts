import type { companies, deals } from "@/db/schema";
import { companySizeBands, dealNames, industries } from "./data/business";
import type { City, CountryProfile } from "./data/countries";
import { companyCountry, companyRange, contactCreation, DAY, isPersonalContact, permute, YEAR, type SeedLayout, type SeedMember } from "./layout";
import { landlineNumber } from "./phones";
import { poolsFor, type NamePart } from "./pools";
import { createRng, fillTemplate, seededUuid, toSlug, type Rng } from "./random";

export type CompanyInsert = typeof companies.$inferInsert;
export type DealInsert = typeof deals.$inferInsert;

interface Noun {
  display: string;
  slug: string;
  industry: string;
}

/** Every industry noun once, in a stable order: a company's name decides its industry. */
const nouns: Noun[] = (() => {
  const seen = new Set<string>();
  const list: Noun[] = [];
  for (const industry of industries) {
    for (const noun of industry.nouns) {
      const slug = toSlug(noun);
      if (seen.has(slug)) continue;
      seen.add(slug);
      list.push({ display: noun, slug, industry: industry.name });
    }
  }
  return list;
})();

export interface CompanyProfile {
  index: number;
  id: string;
  name: string;
  domain: string;
  /** Separator and order of first and last name in this company's addresses ("anna.schmidt"). */
  emailStyle: { separator: "." | "_" | "-"; lastFirst: boolean };
  country: CountryProfile;
  city: City;
  addressLine1: string;
  postalCode: string;
  employees: number;
  industry: string;
}

/**
 * The identity of company `k`, derived from its index alone. Name stem and industry noun come from a
 * bijection over the country's (stem × noun) space, so no two companies of a country share a domain;
 * countries never share a top-level domain, so domains are unique across the workspace.
 */
export function companyProfile(layout: SeedLayout, k: number): CompanyProfile {
  const { plan } = layout;
  const { country, rank } = companyCountry(layout, k);
  const pools = poolsFor(country);
  const space = pools.companyStems.length * nouns.length;
  // One salt per country: the bijection only holds for a fixed (step, offset).
  const slot = permute(rank, space, plan.seed ^ (country.code.charCodeAt(0) << 8) ^ country.code.charCodeAt(1));
  const wrap = Math.floor(rank / space);
  const stem: NamePart = pools.companyStems[slot % pools.companyStems.length]!;
  const noun = nouns[Math.floor(slot / pools.companyStems.length)]!;
  const rng = createRng(plan.seed, "company", k);
  const suffix = rng.pick(country.legalSuffixes);
  const city = rng.pick(country.cities);
  const band = rng.weighted(companySizeBands.map((b) => [b, b.weight] as const));
  const style = rng.weighted([[".", 6], ["_", 1], ["-", 1]] as const);
  return {
    index: k,
    id: seededUuid(plan.workspaceId, "company", k),
    name: `${stem.display} ${noun.display}${wrap > 0 ? ` ${wrap + 1}` : ""} ${suffix}`,
    domain: `${stem.slug}-${noun.slug}${wrap > 0 ? wrap + 1 : ""}.${country.tld}`,
    emailStyle: { separator: style, lastFirst: rng.chance(0.08) },
    country,
    city,
    addressLine1: streetAddress(rng, country, pools.streets),
    postalCode: fillTemplate(rng, city.postal),
    employees: rng.int(band.min, band.max),
    industry: noun.industry,
  };
}

export function streetAddress(rng: Rng, country: CountryProfile, streets: readonly string[]): string {
  const number = country.code === "JP" ? `${rng.int(1, 5)}-${rng.int(1, 20)}-${rng.int(1, 15)}` : String(rng.int(1, 240));
  return country.addressFormat.replace("{n}", number).replace("{street}", rng.pick(streets));
}

export function pickOwner(rng: Rng, members: readonly SeedMember[], unassigned: number): string | null {
  if (rng.chance(unassigned)) return null;
  const weightOf = { rep: 5, manager: 2, admin: 1 } as const;
  return rng.weighted(members.map((member) => [member.id, weightOf[member.role]] as const));
}

function formatThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function sizeBand(employees: number): CompanyInsert["companySize"] {
  return companySizeBands.find((band) => employees <= band.max)?.size ?? "10001+";
}

export function generateCompany(layout: SeedLayout, k: number): CompanyInsert {
  const { plan } = layout;
  const profile = companyProfile(layout, k);
  const rng = createRng(plan.seed, "company-details", k);
  const { start, end } = companyRange(layout, k);
  // Created shortly before the first of its contacts, as an import or a rep would have done.
  let firstContact = plan.now.getTime() - rng.int(1, 300) * DAY;
  for (let i = start; i < end; i++) firstContact = Math.min(firstContact, contactCreation(layout, i).createdAt.getTime());
  const createdAt = new Date(Math.max(plan.now.getTime() - YEAR - DAY, firstContact - rng.int(60_000, 3 * DAY)));
  const revenue = Math.round(profile.employees * profile.country.revenuePerEmployee * (0.5 + rng.next()) / 1000) * 1000;
  const parentCandidate = k > 0 && rng.chance(0.06) ? rng.int(0, k - 1) : null;
  const slug = profile.domain.split(".")[0]!;
  return {
    workspaceId: plan.workspaceId,
    id: profile.id,
    name: profile.name,
    domain: profile.domain,
    website: `https://www.${profile.domain}`,
    industry: profile.industry,
    companySize: sizeBand(profile.employees),
    annualRevenueMicros: BigInt(revenue) * 1_000_000n,
    currency: profile.country.currency,
    addressLine1: profile.addressLine1,
    city: profile.city.name,
    state: profile.city.state,
    country: profile.country.name,
    postalCode: profile.postalCode,
    timezone: profile.city.timezone,
    phone: landlineNumber(rng, profile.country, profile.city),
    email: `${rng.pick(["info", "hello", "contact", "office"])}@${profile.domain}`,
    linkedinUrl: `https://www.linkedin.com/company/${slug}`,
    twitterHandle: rng.chance(0.4) ? slug.replace(/-/g, "").slice(0, 15) : null,
    description: `${profile.industry} company headquartered in ${profile.city.name}, ${profile.country.name}, with about ${formatThousands(profile.employees)} employees.`,
    source: rng.weighted([["import", 40], ["manual", 30], ["website", 10], ["linkedin", 10], ["enrichment", 10]] as const),
    parentCompanyId: parentCandidate === null ? null : seededUuid(plan.workspaceId, "company", parentCandidate),
    ownerId: pickOwner(rng, plan.members, 0.1),
    employeeCount: profile.employees,
    foundedYear: Math.max(1890, plan.now.getUTCFullYear() - Math.round(2 + -Math.log(1 - rng.next() * 0.99) * (profile.employees > 1000 ? 40 : 12))),
    createdAt,
    updatedAt: createdAt,
  };
}

export const dealStageFlow = ["qualification", "needs_analysis", "proposal", "negotiation"] as const;
export type DealStage = NonNullable<DealInsert["stage"]>;
const probabilityOf: Record<DealStage, number> = {
  qualification: 10, needs_analysis: 25, proposal: 50, negotiation: 75, closed_won: 100, closed_lost: 0,
};

export interface DealPlan {
  row: DealInsert;
  /** Ranks (within the company) of the linked contacts; the first is the primary contact. */
  ranks: number[];
  roles: string[];
  /** Stage entries in order, with when each happened. */
  history: Array<{ from: DealStage | null; to: DealStage; at: Date }>;
}

/** Deals of company `k`, each linked to one to three of its (non-personal) contacts. */
export function dealsOfCompany(layout: SeedLayout, k: number): DealPlan[] {
  const { plan } = layout;
  const { start, end } = companyRange(layout, k);
  const candidates: number[] = [];
  for (let i = start; i < end && candidates.length < 40; i++) if (!isPersonalContact(plan, i)) candidates.push(i - start);
  if (candidates.length === 0) return [];
  const rng = createRng(plan.seed, "deals", k);
  const count = rng.weighted([[0, 35], [1, 45], [2, 15], [3, 5]] as const);
  const profile = companyProfile(layout, k);
  const now = plan.now.getTime();
  const result: DealPlan[] = [];
  for (let d = 0; d < count; d++) {
    const ranks = rng.sample(candidates, rng.int(1, Math.min(3, candidates.length)));
    const latestContact = Math.max(...ranks.map((rank) => contactCreation(layout, start + rank).createdAt.getTime()));
    const createdAt = latestContact + (now - latestContact) * (0.05 + 0.4 * rng.next());
    const stage = rng.weighted([["qualification", 20], ["needs_analysis", 18], ["proposal", 17], ["negotiation", 12], ["closed_won", 20], ["closed_lost", 13]] as const);
    const reached = stage === "closed_won" || stage === "closed_lost" ? rng.int(1, dealStageFlow.length) : dealStageFlow.indexOf(stage) + 1;
    const path: DealStage[] = [...dealStageFlow.slice(0, reached)];
    if (stage === "closed_won" || stage === "closed_lost") path.push(stage);
    const span = (now - createdAt) * (0.3 + 0.6 * rng.next());
    const history = path.map((to, step) => ({
      from: step === 0 ? null : path[step - 1]!,
      to,
      at: new Date(createdAt + (step === 0 ? 0 : (span * step) / (path.length - 1 || 1))),
    }));
    const seats = Math.max(5, Math.round(profile.employees * (0.05 + 0.3 * rng.next())));
    const currencyScale = profile.country.revenuePerEmployee / 250_000;
    const value = Math.round((seats * rng.int(300, 900) * currencyScale) / 100) * 100;
    const closedAt = stage === "closed_won" || stage === "closed_lost" ? history[history.length - 1]!.at : null;
    const expectedClose = new Date(createdAt + rng.int(30, 150) * DAY).toISOString().slice(0, 10);
    const title = rng.pick(dealNames).replace("{company}", profile.name.split(" ").slice(0, 2).join(" ")).replace("{seats}", String(seats));
    result.push({
      row: {
        workspaceId: plan.workspaceId,
        id: seededUuid(plan.workspaceId, "deal", k, d),
        title,
        valueMicros: BigInt(value) * 1_000_000n,
        currency: profile.country.currency,
        stage,
        probability: probabilityOf[stage],
        expectedCloseDate: expectedClose,
        companyId: profile.id,
        ownerId: pickOwner(rng, plan.members, 0),
        closedAt,
        createdAt: new Date(createdAt),
        updatedAt: history[history.length - 1]!.at,
      },
      ranks,
      roles: ranks.map((_, n) => (n === 0 ? rng.pick(["champion", "decision_maker"]) : rng.pick(["influencer", "economic_buyer", "user"]))),
      history,
    });
  }
  return result;
}
