import type { CountryCode } from "libphonenumber-js";

export type LocaleKey =
  | "en_US" | "en_GB" | "de" | "fr" | "es" | "it" | "nl" | "pt_BR" | "sv" | "pl" | "en_IN" | "ja" | "en_CA" | "en_AU" | "es_MX";

export interface City {
  name: string;
  state: string;
  /** `#` digit, `@` letter (see fillTemplate). */
  postal: string;
  timezone: string;
  /** National significant number of a landline in this city; checked at start-up, mobile used if invalid. */
  landline: string;
}

export interface CountryProfile {
  code: CountryCode;
  name: string;
  locale: LocaleKey;
  currency: string;
  /** Revenue per employee per year in the local currency, roughly. */
  revenuePerEmployee: number;
  tld: string;
  legalSuffixes: readonly string[];
  /** Share of the seeded companies. */
  weight: number;
  /** How a street address reads here: `{n}` number, `{street}` a street from the locale's pool. */
  addressFormat: string;
  cities: readonly City[];
}

export const countries: readonly CountryProfile[] = [
  {
    code: "US", name: "United States", locale: "en_US", currency: "USD", revenuePerEmployee: 250_000, tld: "com",
    legalSuffixes: ["Inc.", "LLC", "Corp."], weight: 26, addressFormat: "{n} {street}",
    cities: [
      { name: "New York", state: "NY", postal: "100##", timezone: "America/New_York", landline: "212N######" },
      { name: "San Francisco", state: "CA", postal: "941##", timezone: "America/Los_Angeles", landline: "415N######" },
      { name: "Chicago", state: "IL", postal: "606##", timezone: "America/Chicago", landline: "312N######" },
      { name: "Austin", state: "TX", postal: "787##", timezone: "America/Chicago", landline: "512N######" },
      { name: "Boston", state: "MA", postal: "021##", timezone: "America/New_York", landline: "617N######" },
      { name: "Seattle", state: "WA", postal: "981##", timezone: "America/Los_Angeles", landline: "206N######" },
      { name: "Denver", state: "CO", postal: "802##", timezone: "America/Denver", landline: "303N######" },
      { name: "Atlanta", state: "GA", postal: "303##", timezone: "America/New_York", landline: "404N######" },
    ],
  },
  {
    code: "GB", name: "United Kingdom", locale: "en_GB", currency: "GBP", revenuePerEmployee: 180_000, tld: "co.uk",
    legalSuffixes: ["Ltd", "plc"], weight: 10, addressFormat: "{n} {street}",
    cities: [
      { name: "London", state: "England", postal: "EC2A #@@", timezone: "Europe/London", landline: "207#######" },
      { name: "Manchester", state: "England", postal: "M1 #@@", timezone: "Europe/London", landline: "161N######" },
      { name: "Birmingham", state: "England", postal: "B1 #@@", timezone: "Europe/London", landline: "121N######" },
      { name: "Edinburgh", state: "Scotland", postal: "EH1 #@@", timezone: "Europe/London", landline: "131N######" },
      { name: "Bristol", state: "England", postal: "BS1 #@@", timezone: "Europe/London", landline: "117N######" },
      { name: "Leeds", state: "England", postal: "LS1 #@@", timezone: "Europe/London", landline: "113N######" },
    ],
  },
  {
    code: "DE", name: "Germany", locale: "de", currency: "EUR", revenuePerEmployee: 200_000, tld: "de",
    legalSuffixes: ["GmbH", "AG", "GmbH & Co. KG"], weight: 12, addressFormat: "{street}",
    cities: [
      { name: "Berlin", state: "Berlin", postal: "10###", timezone: "Europe/Berlin", landline: "30N#######" },
      { name: "München", state: "Bayern", postal: "80###", timezone: "Europe/Berlin", landline: "89N#######" },
      { name: "Hamburg", state: "Hamburg", postal: "20###", timezone: "Europe/Berlin", landline: "40N#######" },
      { name: "Köln", state: "Nordrhein-Westfalen", postal: "50###", timezone: "Europe/Berlin", landline: "221N######" },
      { name: "Frankfurt am Main", state: "Hessen", postal: "60###", timezone: "Europe/Berlin", landline: "69N#######" },
      { name: "Stuttgart", state: "Baden-Württemberg", postal: "70###", timezone: "Europe/Berlin", landline: "711N######" },
      { name: "Düsseldorf", state: "Nordrhein-Westfalen", postal: "40###", timezone: "Europe/Berlin", landline: "211N######" },
      { name: "Leipzig", state: "Sachsen", postal: "04###", timezone: "Europe/Berlin", landline: "341N######" },
    ],
  },
  {
    code: "FR", name: "France", locale: "fr", currency: "EUR", revenuePerEmployee: 190_000, tld: "fr",
    legalSuffixes: ["SAS", "SA", "SARL"], weight: 8, addressFormat: "{street}",
    cities: [
      { name: "Paris", state: "Île-de-France", postal: "750##", timezone: "Europe/Paris", landline: "1########" },
      { name: "Lyon", state: "Auvergne-Rhône-Alpes", postal: "6900#", timezone: "Europe/Paris", landline: "4########" },
      { name: "Marseille", state: "Provence-Alpes-Côte d'Azur", postal: "130##", timezone: "Europe/Paris", landline: "4########" },
      { name: "Toulouse", state: "Occitanie", postal: "310##", timezone: "Europe/Paris", landline: "5########" },
      { name: "Bordeaux", state: "Nouvelle-Aquitaine", postal: "330##", timezone: "Europe/Paris", landline: "5########" },
      { name: "Lille", state: "Hauts-de-France", postal: "590##", timezone: "Europe/Paris", landline: "3########" },
      { name: "Nantes", state: "Pays de la Loire", postal: "440##", timezone: "Europe/Paris", landline: "2########" },
    ],
  },
  {
    code: "ES", name: "Spain", locale: "es", currency: "EUR", revenuePerEmployee: 150_000, tld: "es",
    legalSuffixes: ["S.L.", "S.A."], weight: 6, addressFormat: "{street}, {n}",
    cities: [
      { name: "Madrid", state: "Comunidad de Madrid", postal: "280##", timezone: "Europe/Madrid", landline: "91N######" },
      { name: "Barcelona", state: "Cataluña", postal: "080##", timezone: "Europe/Madrid", landline: "93N######" },
      { name: "Valencia", state: "Comunidad Valenciana", postal: "460##", timezone: "Europe/Madrid", landline: "96N######" },
      { name: "Sevilla", state: "Andalucía", postal: "410##", timezone: "Europe/Madrid", landline: "95N######" },
      { name: "Bilbao", state: "País Vasco", postal: "480##", timezone: "Europe/Madrid", landline: "94N######" },
      { name: "Málaga", state: "Andalucía", postal: "290##", timezone: "Europe/Madrid", landline: "95N######" },
    ],
  },
  {
    code: "IT", name: "Italy", locale: "it", currency: "EUR", revenuePerEmployee: 160_000, tld: "it",
    legalSuffixes: ["S.p.A.", "S.r.l."], weight: 5, addressFormat: "{street}",
    cities: [
      { name: "Milano", state: "Lombardia", postal: "201##", timezone: "Europe/Rome", landline: "02########" },
      { name: "Roma", state: "Lazio", postal: "001##", timezone: "Europe/Rome", landline: "06########" },
      { name: "Torino", state: "Piemonte", postal: "101##", timezone: "Europe/Rome", landline: "011#######" },
      { name: "Bologna", state: "Emilia-Romagna", postal: "401##", timezone: "Europe/Rome", landline: "051#######" },
      { name: "Napoli", state: "Campania", postal: "801##", timezone: "Europe/Rome", landline: "081#######" },
      { name: "Firenze", state: "Toscana", postal: "501##", timezone: "Europe/Rome", landline: "055#######" },
    ],
  },
  {
    code: "NL", name: "Netherlands", locale: "nl", currency: "EUR", revenuePerEmployee: 210_000, tld: "nl",
    legalSuffixes: ["B.V.", "N.V."], weight: 4, addressFormat: "{street}",
    cities: [
      { name: "Amsterdam", state: "Noord-Holland", postal: "10## @@", timezone: "Europe/Amsterdam", landline: "20N######" },
      { name: "Rotterdam", state: "Zuid-Holland", postal: "30## @@", timezone: "Europe/Amsterdam", landline: "10N######" },
      { name: "Utrecht", state: "Utrecht", postal: "35## @@", timezone: "Europe/Amsterdam", landline: "30N######" },
      { name: "Den Haag", state: "Zuid-Holland", postal: "25## @@", timezone: "Europe/Amsterdam", landline: "70N######" },
      { name: "Eindhoven", state: "Noord-Brabant", postal: "56## @@", timezone: "Europe/Amsterdam", landline: "40N######" },
    ],
  },
  {
    code: "BR", name: "Brazil", locale: "pt_BR", currency: "BRL", revenuePerEmployee: 400_000, tld: "com.br",
    legalSuffixes: ["Ltda.", "S.A."], weight: 6, addressFormat: "{street}, {n}",
    cities: [
      { name: "São Paulo", state: "SP", postal: "01###-###", timezone: "America/Sao_Paulo", landline: "113#######" },
      { name: "Rio de Janeiro", state: "RJ", postal: "20###-###", timezone: "America/Sao_Paulo", landline: "212#######" },
      { name: "Belo Horizonte", state: "MG", postal: "30###-###", timezone: "America/Sao_Paulo", landline: "313#######" },
      { name: "Curitiba", state: "PR", postal: "80###-###", timezone: "America/Sao_Paulo", landline: "413#######" },
      { name: "Porto Alegre", state: "RS", postal: "90###-###", timezone: "America/Sao_Paulo", landline: "513#######" },
    ],
  },
  {
    code: "SE", name: "Sweden", locale: "sv", currency: "SEK", revenuePerEmployee: 2_000_000, tld: "se",
    legalSuffixes: ["AB"], weight: 3, addressFormat: "{street}",
    cities: [
      { name: "Stockholm", state: "Stockholms län", postal: "111 ##", timezone: "Europe/Stockholm", landline: "8N######" },
      { name: "Göteborg", state: "Västra Götalands län", postal: "411 ##", timezone: "Europe/Stockholm", landline: "31N######" },
      { name: "Malmö", state: "Skåne län", postal: "211 ##", timezone: "Europe/Stockholm", landline: "40N######" },
      { name: "Uppsala", state: "Uppsala län", postal: "753 ##", timezone: "Europe/Stockholm", landline: "18N#####" },
    ],
  },
  {
    code: "PL", name: "Poland", locale: "pl", currency: "PLN", revenuePerEmployee: 600_000, tld: "pl",
    legalSuffixes: ["sp. z o.o.", "S.A."], weight: 3, addressFormat: "{street}",
    cities: [
      { name: "Warszawa", state: "Mazowieckie", postal: "00-###", timezone: "Europe/Warsaw", landline: "22N######" },
      { name: "Kraków", state: "Małopolskie", postal: "30-###", timezone: "Europe/Warsaw", landline: "12N######" },
      { name: "Wrocław", state: "Dolnośląskie", postal: "50-###", timezone: "Europe/Warsaw", landline: "71N######" },
      { name: "Gdańsk", state: "Pomorskie", postal: "80-###", timezone: "Europe/Warsaw", landline: "58N######" },
      { name: "Poznań", state: "Wielkopolskie", postal: "60-###", timezone: "Europe/Warsaw", landline: "61N######" },
    ],
  },
  {
    code: "IN", name: "India", locale: "en_IN", currency: "INR", revenuePerEmployee: 3_000_000, tld: "in",
    legalSuffixes: ["Pvt. Ltd.", "Ltd."], weight: 5, addressFormat: "{n}, {street}",
    cities: [
      { name: "Bengaluru", state: "Karnataka", postal: "5600##", timezone: "Asia/Kolkata", landline: "802#######" },
      { name: "Mumbai", state: "Maharashtra", postal: "4000##", timezone: "Asia/Kolkata", landline: "222#######" },
      { name: "New Delhi", state: "Delhi", postal: "1100##", timezone: "Asia/Kolkata", landline: "112#######" },
      { name: "Hyderabad", state: "Telangana", postal: "5000##", timezone: "Asia/Kolkata", landline: "402#######" },
      { name: "Pune", state: "Maharashtra", postal: "4110##", timezone: "Asia/Kolkata", landline: "202#######" },
      { name: "Chennai", state: "Tamil Nadu", postal: "6000##", timezone: "Asia/Kolkata", landline: "442#######" },
    ],
  },
  {
    code: "JP", name: "Japan", locale: "ja", currency: "JPY", revenuePerEmployee: 30_000_000, tld: "co.jp",
    legalSuffixes: ["K.K.", "Co., Ltd."], weight: 4, addressFormat: "{n} {street}",
    cities: [
      { name: "Tokyo", state: "Tokyo", postal: "1##-####", timezone: "Asia/Tokyo", landline: "3N#######" },
      { name: "Osaka", state: "Osaka", postal: "5##-####", timezone: "Asia/Tokyo", landline: "6N#######" },
      { name: "Yokohama", state: "Kanagawa", postal: "2##-####", timezone: "Asia/Tokyo", landline: "45N######" },
      { name: "Nagoya", state: "Aichi", postal: "4##-####", timezone: "Asia/Tokyo", landline: "52N######" },
      { name: "Fukuoka", state: "Fukuoka", postal: "8##-####", timezone: "Asia/Tokyo", landline: "92N######" },
    ],
  },
  {
    code: "CA", name: "Canada", locale: "en_CA", currency: "CAD", revenuePerEmployee: 250_000, tld: "ca",
    legalSuffixes: ["Inc.", "Ltd."], weight: 3, addressFormat: "{n} {street}",
    cities: [
      { name: "Toronto", state: "ON", postal: "M5V #@#", timezone: "America/Toronto", landline: "416N######" },
      { name: "Vancouver", state: "BC", postal: "V6B #@#", timezone: "America/Vancouver", landline: "604N######" },
      { name: "Montréal", state: "QC", postal: "H2X #@#", timezone: "America/Toronto", landline: "514N######" },
      { name: "Calgary", state: "AB", postal: "T2P #@#", timezone: "America/Edmonton", landline: "403N######" },
      { name: "Ottawa", state: "ON", postal: "K1P #@#", timezone: "America/Toronto", landline: "613N######" },
    ],
  },
  {
    code: "AU", name: "Australia", locale: "en_AU", currency: "AUD", revenuePerEmployee: 300_000, tld: "com.au",
    legalSuffixes: ["Pty Ltd"], weight: 3, addressFormat: "{street}",
    cities: [
      { name: "Sydney", state: "NSW", postal: "20##", timezone: "Australia/Sydney", landline: "29#######" },
      { name: "Melbourne", state: "VIC", postal: "30##", timezone: "Australia/Melbourne", landline: "39#######" },
      { name: "Brisbane", state: "QLD", postal: "40##", timezone: "Australia/Brisbane", landline: "73#######" },
      { name: "Perth", state: "WA", postal: "60##", timezone: "Australia/Perth", landline: "89#######" },
      { name: "Adelaide", state: "SA", postal: "50##", timezone: "Australia/Adelaide", landline: "88#######" },
    ],
  },
  {
    code: "MX", name: "Mexico", locale: "es_MX", currency: "MXN", revenuePerEmployee: 1_500_000, tld: "com.mx",
    legalSuffixes: ["S.A. de C.V."], weight: 2, addressFormat: "{street} {n}",
    cities: [
      { name: "Ciudad de México", state: "CDMX", postal: "06###", timezone: "America/Mexico_City", landline: "55N#######" },
      { name: "Guadalajara", state: "Jalisco", postal: "44###", timezone: "America/Mexico_City", landline: "33N#######" },
      { name: "Monterrey", state: "Nuevo León", postal: "64###", timezone: "America/Monterrey", landline: "81N#######" },
      { name: "Puebla", state: "Puebla", postal: "72###", timezone: "America/Mexico_City", landline: "222N######" },
    ],
  },
];

/** Romanised names: faker's `ja` locale writes names in kanji, which makes poor email addresses. */
export const japaneseGivenNames = [
  "Haruto", "Yuto", "Sota", "Yuki", "Hayato", "Riku", "Kaito", "Ren", "Takumi", "Kenta", "Daiki", "Shota", "Takeshi",
  "Hiroshi", "Kenji", "Satoshi", "Naoki", "Kazuki", "Yusuke", "Ryo", "Akira", "Tomoya", "Koji", "Masato",
  "Yui", "Hina", "Sakura", "Aoi", "Mio", "Yuna", "Haruka", "Misaki", "Nanami", "Ayaka", "Mai", "Emi", "Aiko",
  "Keiko", "Yoko", "Naomi", "Rina", "Saki", "Megumi", "Chihiro", "Kana", "Miyu", "Asuka", "Natsuki",
] as const;
export const japaneseFamilyNames = [
  "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida",
  "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Yamazaki", "Mori", "Abe",
  "Ikeda", "Hashimoto", "Yamashita", "Ishikawa", "Nakajima", "Maeda", "Fujita", "Ogawa", "Goto", "Okada", "Hasegawa",
  "Murakami", "Kondo", "Ishii", "Saito", "Sakamoto", "Endo", "Aoki", "Fujii", "Nishimura", "Fukuda", "Ota", "Miura",
] as const;
export const japaneseStreets = [
  "Shibuya", "Shinjuku", "Minato", "Chiyoda", "Chuo", "Meguro", "Shinagawa", "Umeda", "Namba", "Tenjin", "Sakae", "Kannai",
] as const;

/** faker's English surnames are mostly invented ("Kiehn", "Bechtelar"); these are the common real ones. */
export const englishSurnames = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
  "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
  "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips",
  "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan",
  "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson",
  "Brooks", "Bennett", "Gray", "James", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Powell",
  "Jenkins", "Perry", "Russell", "Sullivan", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan",
  "Reynolds", "Hamilton", "Graham", "Wallace", "Cole", "West", "Stone", "Hayes", "Gibson", "Ellis", "Murray", "Ford",
  "Marshall", "Owens", "Harrison", "Fernandez", "Mcdonald", "Woods", "Kennedy", "Wells", "Hunt", "Palmer", "Black",
  "Holmes", "Mills", "Grant", "Knight", "Ferguson", "Rose", "Hart", "Shaw", "Lee", "Chen", "Patel", "Nguyen", "Kim",
  "Singh", "Walsh", "Byrne", "Lynch", "Fraser", "Hughes", "Lloyd", "Davies", "Price", "Doyle", "Quinn", "Burke",
] as const;
export const englishStreets = [
  "Main Street", "Market Street", "Broadway", "Maple Avenue", "Oak Street", "Pine Street", "Cedar Lane", "Elm Street",
  "Washington Avenue", "Lake Shore Drive", "Park Avenue", "Sunset Boulevard", "Mission Street", "Congress Avenue",
  "Peachtree Street", "King Street", "Queen Street", "Bay Street", "Yonge Street", "Granville Street", "Wellington Street",
] as const;
export const brazilianSurnames = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa",
  "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias",
  "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Ramos",
  "Gonçalves", "Santana", "Teixeira", "Araújo", "Pinto", "Correia", "Cavalcanti", "Monteiro",
] as const;
export const latinStreets = {
  pt_BR: ["Avenida Paulista", "Rua Augusta", "Rua Oscar Freire", "Avenida Atlântica", "Rua da Consolação", "Avenida Brasil", "Rua XV de Novembro", "Avenida Ipiranga"],
  es: ["Calle de Alcalá", "Gran Vía", "Paseo de la Castellana", "Calle Mayor", "Avenida Diagonal", "Calle de Serrano", "Rambla de Catalunya", "Calle Larios"],
  es_MX: ["Paseo de la Reforma", "Avenida Insurgentes Sur", "Calle Madero", "Avenida Chapultepec", "Avenida Juárez", "Calzada de Tlalpan", "Avenida Vallarta"],
  en_IN: ["MG Road", "Brigade Road", "Linking Road", "Connaught Place", "Banjara Hills Road 12", "FC Road", "Anna Salai", "Residency Road"],
} as const;
