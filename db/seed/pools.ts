import { base, de, en, en_AU, es, es_MX, Faker, fr, it, nl, pl, pt_BR, sv, en_IN, type LocaleDefinition } from "@faker-js/faker";
import {
  brazilianSurnames, countries, englishStreets, englishSurnames, japaneseFamilyNames, japaneseGivenNames, japaneseStreets, latinStreets,
  type CountryProfile, type LocaleKey,
} from "./data/countries";
import { brandWords } from "./data/business";
import { toSlug } from "./random";

export interface NamePart {
  display: string;
  /** Letters a-z only, unique within its pool: what email addresses are built from. */
  slug: string;
}

export interface LocalePools {
  firstNames: NamePart[];
  lastNames: NamePart[];
  /** Company name stems: the locale's surnames plus coined brand words. */
  companyStems: NamePart[];
  streets: string[];
  /** Spanish-speaking locales carry two surnames; only the first goes into the email address. */
  hasSecondSurname: boolean;
}

type NameDefinitions = { generic?: string[]; female?: string[]; male?: string[] } | string[] | undefined;

function namesOf(definition: NameDefinitions): string[] {
  if (!definition) return [];
  if (Array.isArray(definition)) return definition;
  return [...(definition.female ?? []), ...(definition.male ?? []), ...(definition.generic ?? [])];
}

/** Distinct by slug, single words only (an email address needs a clean part), in a stable order. */
function toParts(names: readonly string[]): NamePart[] {
  const seen = new Set<string>();
  const parts: NamePart[] = [];
  for (const raw of names) {
    const display = raw.trim();
    if (!/^\p{L}[\p{L}'’-]*$/u.test(display)) continue;
    const slug = toSlug(display);
    if (slug.length < 3 || seen.has(slug)) continue;
    seen.add(slug);
    parts.push({ display, slug });
  }
  return parts;
}

const fakerLocales: Partial<Record<LocaleKey, LocaleDefinition>> = { de, fr, es, it, nl, pt_BR, sv, pl, en_IN, en_AU, es_MX };
/** Locales whose faker street addresses read like real ones; the others use the curated lists. */
const fakerStreetLocales = new Set<LocaleKey>(["de", "fr", "it", "nl", "sv", "pl", "en_AU"]);

function buildPools(country: CountryProfile): LocalePools {
  const locale = country.locale;
  const definition = fakerLocales[locale];
  const person = definition?.person as { first_name?: NameDefinitions; last_name?: NameDefinitions } | undefined;
  let firstNames: string[];
  let lastNames: string[];
  if (locale === "ja") {
    firstNames = [...japaneseGivenNames];
    lastNames = [...japaneseFamilyNames];
  } else {
    firstNames = namesOf(person?.first_name);
    if (firstNames.length === 0) firstNames = namesOf(en.person?.first_name as NameDefinitions);
    lastNames = locale.startsWith("en_") && locale !== "en_IN" && locale !== "en_AU" ? [...englishSurnames] : namesOf(person?.last_name);
    if (locale === "pt_BR") lastNames = [...brazilianSurnames, ...lastNames];
  }
  const last = toParts(lastNames);

  let streets: string[];
  if (fakerStreetLocales.has(locale) && definition) {
    // Seeded per locale, so the pool (and every address drawn from it) is the same on every run.
    const faker = new Faker({ locale: [definition, en, base], seed: 20_240_601 + country.code.charCodeAt(0) * 31 + country.code.charCodeAt(1) });
    streets = Array.from({ length: 150 }, () => faker.location.streetAddress());
  } else if (locale === "ja") {
    streets = [...japaneseStreets];
  } else if (locale === "es" || locale === "es_MX" || locale === "pt_BR" || locale === "en_IN") {
    streets = [...latinStreets[locale]];
  } else {
    streets = [...englishStreets];
  }
  const stems = toParts([...last.slice(0, 400).map((part) => part.display), ...brandWords]);
  return {
    firstNames: toParts(firstNames),
    lastNames: last,
    companyStems: stems,
    streets,
    hasSecondSurname: locale === "es" || locale === "es_MX",
  };
}

const cache = new Map<string, LocalePools>();

export function poolsFor(country: CountryProfile): LocalePools {
  let pools = cache.get(country.code);
  if (!pools) {
    pools = buildPools(country);
    cache.set(country.code, pools);
  }
  return pools;
}

export function allPools() {
  return countries.map((country) => ({ country, pools: poolsFor(country) }));
}
