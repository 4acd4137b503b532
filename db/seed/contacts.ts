import type { contacts, LifecycleStage } from "@/db/schema";
import { departments, interestOptions, personalEmailDomains, type Seniority, type TagName } from "./data/business";
import { companyProfile, dealsOfCompany, pickOwner, streetAddress, type CompanyProfile, type DealPlan } from "./companies";
import { contactCreation, contactSlot, DAY, isPersonalContact, permute, type SeedLayout } from "./layout";
import { landlineNumber, mobileNumber } from "./phones";
import { poolsFor } from "./pools";
import { createRng, fillTemplate, mix32, seededUuid, type Rng } from "./random";

export type ContactInsert = typeof contacts.$inferInsert;

export interface ContactCore {
  index: number;
  row: ContactInsert;
  company: CompanyProfile;
  isLinkedToCompany: boolean;
  seniority: Seniority;
  /** Deals this contact is linked to, with its role in each. */
  deals: Array<{ deal: DealPlan; role: string; isPrimary: boolean }>;
  tags: TagName[];
  rng: Rng;
}

const stageBase: Record<LifecycleStage, number> = { lead: 22, MQL: 42, SQL: 55, opportunity: 65, customer: 70, evangelist: 85 };
const seniorityBonus: Record<Seniority, number> = { executive: 12, vp: 9, director: 6, manager: 3, individual: 0 };

/** Company deals are computed once per company while a batch walks its contacts in index order. */
export class DealCache {
  private company = -1;
  private deals: DealPlan[] = [];
  constructor(private readonly layout: SeedLayout) {}
  of(k: number): DealPlan[] {
    if (k !== this.company) {
      this.company = k;
      this.deals = dealsOfCompany(this.layout, k);
    }
    return this.deals;
  }
}

function stageFromDeals(rng: Rng, linked: ContactCore["deals"]): LifecycleStage {
  const stages = linked.map(({ deal }) => deal.row.stage);
  if (stages.includes("closed_won")) return rng.chance(0.15) ? "evangelist" : "customer";
  if (stages.some((stage) => stage !== "closed_lost" && stage !== "qualification")) return "opportunity";
  if (stages.includes("qualification")) return "SQL";
  return rng.weighted([["lead", 30], ["MQL", 30], ["SQL", 40]] as const);
}

/** The contact at index `i`: its row without the timeline columns (lastActivityAt, lastContactedAt). */
export function contactCore(layout: SeedLayout, i: number, dealCache: DealCache): ContactCore {
  const { plan } = layout;
  const rng = createRng(plan.seed, "contact", i);
  const slot = contactSlot(layout, i);
  const company = companyProfile(layout, slot.company);
  const country = company.country;
  const pools = poolsFor(country);
  const isPersonal = isPersonalContact(plan, i);

  // A per-company bijection over (first × last) names: two contacts of one company never share a name,
  // so `first.last@domain` is unique; a company larger than the name space adds a digit.
  const space = pools.firstNames.length * pools.lastNames.length;
  const nameSlot = permute(slot.rank, space, plan.seed ^ mix32(slot.company + 1));
  const wrap = Math.floor(slot.rank / space);
  const first = pools.firstNames[nameSlot % pools.firstNames.length]!;
  const last = pools.lastNames[Math.floor(nameSlot / pools.firstNames.length)]!;
  const lastName = pools.hasSecondSurname && rng.chance(0.7) ? `${last.display} ${rng.pick(pools.lastNames).display}` : last.display;
  const { separator, lastFirst } = company.emailStyle;
  const email = isPersonal
    ? `${first.slug}.${last.slug}${i}@${rng.pick(personalEmailDomains)}`
    : `${lastFirst ? last.slug : first.slug}${separator}${lastFirst ? first.slug : last.slug}${wrap > 0 ? wrap + 1 : ""}@${company.domain}`;

  const department = rng.weighted(departments.map((d) => [d, d.weight] as const));
  const [title, seniority] = rng.pick(department.titles);
  const linked = isPersonal
    ? []
    : dealCache.of(slot.company).flatMap((deal) => {
        const position = deal.ranks.indexOf(slot.rank);
        return position < 0 ? [] : [{ deal, role: deal.roles[position]!, isPrimary: position === 0 }];
      });
  const stage: LifecycleStage = linked.length > 0
    ? stageFromDeals(rng, linked)
    : rng.weighted([["lead", 48], ["MQL", 22], ["SQL", 13], ["opportunity", 5], ["customer", 10], ["evangelist", 2]] as const);
  const noise = (rng.next() + rng.next() + rng.next() - 1.5) * 22;
  const score = Math.max(0, Math.min(100, Math.round(stageBase[stage] + seniorityBonus[seniority] + noise)));

  const { createdAt, importFile } = contactCreation(layout, i);
  const source: ContactInsert["source"] = importFile
    ? "import"
    : rng.weighted([["manual", 30], ["website", 30], ["linkedin", 22], ["email", 9], ["api", 6], ["enrichment", 3]] as const);
  const admin = plan.members.find((member) => member.role === "admin") ?? plan.members[0]!;
  const deal = linked.find((link) => link.isPrimary)?.deal ?? linked[0]?.deal;
  const ownerId = deal?.row.ownerId ?? pickOwner(rng, plan.members, 0.08);
  const isLocal = rng.chance(0.85);
  const city = isLocal ? company.city : rng.pick(country.cities);
  const customFields = customFieldValues(rng, { source, createdAt, company, first: first.slug, last: last.slug });

  const row: ContactInsert = {
    workspaceId: plan.workspaceId,
    id: seededUuid(plan.workspaceId, "contact", i),
    email,
    firstName: first.display,
    lastName,
    phone: rng.chance(0.7) ? landlineNumber(rng, country, city) : null,
    mobile: rng.chance(0.55) ? mobileNumber(rng, country) : null,
    company: isPersonal ? null : company.name,
    title,
    department: department.name,
    companyId: isPersonal ? null : company.id,
    addressLine1: isLocal ? company.addressLine1 : streetAddress(rng, country, pools.streets),
    addressLine2: rng.chance(0.12) ? rng.pick(["Suite 200", "Floor 3", "Building B", "Unit 12", "2nd floor"]) : null,
    city: city.name,
    state: city.state,
    country: country.name,
    postalCode: isLocal ? company.postalCode : fillTemplate(rng, city.postal),
    source,
    sourceDetails: sourceDetails(rng, source, importFile, createdAt),
    score,
    lifecycleStage: stage,
    linkedinUrl: rng.chance(0.7) ? `https://www.linkedin.com/in/${first.slug}-${last.slug}-${(mix32(i ^ plan.seed) % 0xfffff).toString(16)}` : null,
    twitterHandle: rng.chance(0.12) ? `${first.slug}${last.slug}`.slice(0, 15) : null,
    website: isPersonal && rng.chance(0.3) ? `https://${first.slug}${last.slug}.com` : null,
    customFields,
    ownerId,
    createdBy: source === "import" ? admin.id : source === "website" || source === "api" ? null : (ownerId ?? admin.id),
    createdAt,
    updatedAt: createdAt,
  };
  return { index: i, row, company, isLinkedToCompany: !isPersonal, seniority, deals: linked, tags: [], rng };
}

function sourceDetails(rng: Rng, source: ContactInsert["source"], importFile: string | null, createdAt: Date): Record<string, unknown> {
  switch (source) {
    case "import": return { fileName: importFile, importedAt: createdAt.toISOString() };
    case "website": return { form: rng.pick(["demo-request", "contact-us", "pricing", "ebook-download"]), utmSource: rng.pick(["google", "newsletter", "linkedin", "direct"]) };
    case "linkedin": return { campaign: rng.pick(["Q1 outbound", "Sales Navigator", "Event follow-up"]) };
    case "api": return { integration: rng.pick(["Zapier", "HubSpot sync", "Typeform"]) };
    case "email": return { mailbox: "sales@" };
    default: return {};
  }
}

function customFieldValues(
  rng: Rng,
  context: { source: ContactInsert["source"]; createdAt: Date; company: CompanyProfile; first: string; last: string },
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const scale = context.company.country.revenuePerEmployee / 250_000;
  if (rng.chance(0.55)) {
    const amount = Math.round((5_000 + -Math.log(1 - rng.next() * 0.999) * 40_000) * scale / 500) * 500;
    values.budget = { amount, currency: context.company.country.currency };
  }
  if (rng.chance(0.7)) {
    const bySource: Record<string, ReadonlyArray<readonly [string, number]>> = {
      import: [["trade_show", 5], ["webinar", 3], ["partner", 2]],
      website: [["organic_search", 5], ["paid_ads", 4], ["webinar", 1]],
      linkedin: [["cold_outreach", 6], ["referral", 2]],
    };
    values.leadSource = rng.weighted(bySource[context.source ?? "manual"] ?? [["referral", 3], ["cold_outreach", 3], ["partner", 2], ["trade_show", 1]]);
  }
  if (rng.chance(0.35)) values.projectTimeline = new Date(context.createdAt.getTime() + rng.int(30, 270) * DAY).toISOString().slice(0, 10);
  if (rng.chance(0.75)) values.newsletter = rng.chance(0.4);
  if (rng.chance(0.1)) values.bookingUrl = `https://cal.com/${context.first}-${context.last}`;
  if (rng.chance(0.3)) values.seats = Math.max(3, Math.round(context.company.employees * (0.02 + 0.25 * rng.next())));
  if (rng.chance(0.4)) values.interests = rng.sample(interestOptions, rng.int(1, 3)).map((option) => option.value);
  return values;
}

/** Tags follow the data: executives are decision makers, webinar leads attended one, big companies are Enterprise. */
export function contactTags(core: ContactCore): TagName[] {
  const { rng, row } = core;
  const fields = row.customFields ?? {};
  const stage = row.lifecycleStage;
  const score = row.score ?? 0;
  const tags: TagName[] = [];
  const isOpen = stage !== "customer" && stage !== "evangelist";
  if (score >= 88 && (stage === "customer" || stage === "evangelist" || stage === "opportunity" || rng.chance(0.3))) tags.push("VIP");
  if ((core.seniority === "executive" || core.seniority === "vp" || core.seniority === "director") && rng.chance(0.7)) tags.push("Decision maker");
  if ((stage === "SQL" || stage === "opportunity") && score >= 70) tags.push("Hot lead");
  if (fields.newsletter === true) tags.push("Newsletter");
  if (core.isLinkedToCompany && core.company.employees > 1000) tags.push("Enterprise");
  if (core.isLinkedToCompany && core.company.employees < 200 && rng.chance(0.6)) tags.push("SMB");
  if (stage === "customer" && rng.chance(0.12)) tags.push("Churn risk");
  if (fields.leadSource === "trade_show" && rng.chance(0.6)) tags.push("Trade show");
  if (fields.leadSource === "partner" || rng.chance(0.02)) tags.push("Partner");
  if (fields.leadSource === "referral") tags.push("Referral");
  if (isOpen && rng.chance(0.06)) tags.push("Follow-up");
  if (fields.leadSource === "webinar" || rng.chance(0.04)) tags.push("Webinar attendee");
  return tags;
}
