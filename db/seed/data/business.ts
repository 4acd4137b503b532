import type { CustomFieldOption, CustomFieldType } from "@/db/schema";

export type Seniority = "executive" | "vp" | "director" | "manager" | "individual";

/** Titles by department and seniority; the seniority also drives the score and the "Decision maker" tag. */
export const departments: ReadonlyArray<{ name: string; weight: number; titles: ReadonlyArray<readonly [string, Seniority]> }> = [
  { name: "Sales", weight: 18, titles: [["VP of Sales", "vp"], ["Head of Sales", "director"], ["Sales Director", "director"], ["Sales Manager", "manager"], ["Account Executive", "individual"], ["Sales Development Representative", "individual"], ["Key Account Manager", "manager"]] },
  { name: "Marketing", weight: 14, titles: [["CMO", "executive"], ["VP of Marketing", "vp"], ["Marketing Director", "director"], ["Demand Generation Manager", "manager"], ["Product Marketing Manager", "manager"], ["Content Marketing Specialist", "individual"], ["Marketing Operations Analyst", "individual"]] },
  { name: "Engineering", weight: 16, titles: [["CTO", "executive"], ["VP of Engineering", "vp"], ["Engineering Manager", "manager"], ["Staff Software Engineer", "individual"], ["Senior Software Engineer", "individual"], ["DevOps Engineer", "individual"], ["Solutions Architect", "individual"]] },
  { name: "Finance", weight: 8, titles: [["CFO", "executive"], ["Finance Director", "director"], ["Controller", "manager"], ["Financial Analyst", "individual"], ["Procurement Manager", "manager"]] },
  { name: "Operations", weight: 9, titles: [["COO", "executive"], ["VP of Operations", "vp"], ["Operations Manager", "manager"], ["Business Operations Analyst", "individual"], ["Supply Chain Manager", "manager"]] },
  { name: "Human Resources", weight: 6, titles: [["Chief People Officer", "executive"], ["HR Director", "director"], ["HR Business Partner", "manager"], ["Talent Acquisition Lead", "manager"], ["People Operations Specialist", "individual"]] },
  { name: "IT", weight: 9, titles: [["CIO", "executive"], ["IT Director", "director"], ["IT Manager", "manager"], ["Systems Administrator", "individual"], ["Security Engineer", "individual"], ["CISO", "executive"]] },
  { name: "Product", weight: 8, titles: [["Chief Product Officer", "executive"], ["VP of Product", "vp"], ["Director of Product", "director"], ["Senior Product Manager", "manager"], ["Product Manager", "individual"], ["UX Researcher", "individual"]] },
  { name: "Customer Success", weight: 7, titles: [["VP of Customer Success", "vp"], ["Customer Success Manager", "manager"], ["Support Team Lead", "manager"], ["Onboarding Specialist", "individual"]] },
  { name: "Executive", weight: 3, titles: [["CEO", "executive"], ["Founder & CEO", "executive"], ["Managing Director", "executive"], ["President", "executive"]] },
  { name: "Legal", weight: 2, titles: [["General Counsel", "executive"], ["Legal Counsel", "individual"], ["Compliance Manager", "manager"]] },
];

export const industries: ReadonlyArray<{ name: string; nouns: readonly string[] }> = [
  { name: "Software", nouns: ["Software", "Systems", "Labs", "Cloud", "Digital", "Apps", "Technologies"] },
  { name: "Financial Services", nouns: ["Capital", "Finance", "Partners", "Payments", "Asset Management", "Bank"] },
  { name: "Manufacturing", nouns: ["Industries", "Manufacturing", "Werke", "Components", "Precision", "Engineering"] },
  { name: "Healthcare", nouns: ["Health", "Medical", "Care", "Clinics", "Diagnostics"] },
  { name: "Retail", nouns: ["Retail", "Stores", "Market", "Outfitters", "Home"] },
  { name: "Logistics", nouns: ["Logistics", "Freight", "Transport", "Shipping", "Supply"] },
  { name: "Telecommunications", nouns: ["Telecom", "Networks", "Connect", "Communications"] },
  { name: "Energy", nouns: ["Energy", "Power", "Solar", "Renewables", "Utilities"] },
  { name: "Education", nouns: ["Learning", "Academy", "Education", "Institute"] },
  { name: "Media", nouns: ["Media", "Studios", "Publishing", "Broadcasting"] },
  { name: "Consulting", nouns: ["Consulting", "Advisors", "Group", "Associates", "Strategy"] },
  { name: "Real Estate", nouns: ["Properties", "Real Estate", "Estates", "Development"] },
  { name: "Automotive", nouns: ["Motors", "Automotive", "Mobility", "Auto Parts"] },
  { name: "Biotechnology", nouns: ["Bio", "Therapeutics", "Biosciences", "Genomics"] },
  { name: "Hospitality", nouns: ["Hotels", "Hospitality", "Travel", "Resorts"] },
  { name: "Construction", nouns: ["Construction", "Builders", "Bau", "Infrastructure"] },
  { name: "Insurance", nouns: ["Insurance", "Assurance", "Underwriters"] },
  { name: "E-commerce", nouns: ["Commerce", "Shop", "Direct", "Marketplace"] },
  { name: "Cybersecurity", nouns: ["Security", "Defense", "Shield", "Secure"] },
  { name: "Food & Beverage", nouns: ["Foods", "Beverages", "Kitchen", "Brewing"] },
];

/** Coined brand words, mixed into every country's company names so small name pools still give enough distinct companies. */
export const brandWords = [
  "Apex", "Nova", "Vertex", "Blue", "Summit", "Orbit", "Pioneer", "Northstar", "Lumen", "Atlas", "Quantum", "Evergreen",
  "Bright", "Silver", "Cobalt", "Crimson", "Granite", "Harbor", "Horizon", "Keystone", "Lighthouse", "Meridian", "Nimbus",
  "Oakridge", "Pinnacle", "Prism", "Redwood", "Sapphire", "Sterling", "Trident", "Union", "Vanguard", "Zenith", "Aurora",
  "Beacon", "Cascade", "Clearwater", "Compass", "Falcon", "Fusion", "Helix", "Ironwood", "Juniper", "Kinetic", "Lattice",
  "Maple", "Mosaic", "Nexus", "Onyx", "Polaris", "Quartz", "Riverstone", "Sequoia", "Solstice", "Tandem", "Tidal",
  "Vector", "Willow", "Alder", "Arbor", "Bluebird", "Cedar", "Copper", "Ember", "Fjord", "Glacier", "Hawthorne", "Indigo",
] as const;

export const companySizeBands = [
  { size: "1-10", min: 2, max: 10, weight: 14 },
  { size: "11-50", min: 11, max: 50, weight: 26 },
  { size: "51-200", min: 51, max: 200, weight: 25 },
  { size: "201-500", min: 201, max: 500, weight: 14 },
  { size: "501-1000", min: 501, max: 1000, weight: 9 },
  { size: "1001-5000", min: 1001, max: 5000, weight: 7 },
  { size: "5001-10000", min: 5001, max: 10000, weight: 3 },
  { size: "10001+", min: 10001, max: 80000, weight: 2 },
] as const;

export const personalEmailDomains = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "gmx.net", "hotmail.com"] as const;

export const tagDefinitions = [
  { name: "VIP", color: "#dc2626", description: "Highest-value relationships" },
  { name: "Decision maker", color: "#7c3aed", description: "Signs off on purchases" },
  { name: "Hot lead", color: "#ea580c", description: "Ready for a sales conversation" },
  { name: "Newsletter", color: "#0891b2", description: "Subscribed to the monthly newsletter" },
  { name: "Enterprise", color: "#1d4ed8", description: "Company with more than 1,000 employees" },
  { name: "SMB", color: "#16a34a", description: "Company with fewer than 200 employees" },
  { name: "Churn risk", color: "#b91c1c", description: "Customer showing signs of leaving" },
  { name: "Trade show", color: "#ca8a04", description: "Met at a trade show" },
  { name: "Partner", color: "#0d9488", description: "Works with us as a reseller or integrator" },
  { name: "Referral", color: "#db2777", description: "Came through a referral" },
  { name: "Follow-up", color: "#f59e0b", description: "Needs a follow-up this week" },
  { name: "Webinar attendee", color: "#6366f1", description: "Attended one of our webinars" },
] as const;
export type TagName = (typeof tagDefinitions)[number]["name"];

export interface CustomFieldSeed {
  fieldName: string;
  label: string;
  fieldType: CustomFieldType;
  options?: CustomFieldOption[];
  currency?: string;
}

export const leadSourceOptions: CustomFieldOption[] = [
  { value: "trade_show", label: "Trade show", color: "#ca8a04" },
  { value: "referral", label: "Referral", color: "#db2777" },
  { value: "webinar", label: "Webinar", color: "#6366f1" },
  { value: "cold_outreach", label: "Cold outreach", color: "#64748b" },
  { value: "partner", label: "Partner", color: "#0d9488" },
  { value: "organic_search", label: "Organic search", color: "#16a34a" },
  { value: "paid_ads", label: "Paid ads", color: "#ea580c" },
];
export const interestOptions: CustomFieldOption[] = [
  { value: "analytics", label: "Analytics" },
  { value: "automation", label: "Automation" },
  { value: "integrations", label: "Integrations" },
  { value: "security", label: "Security" },
  { value: "ai", label: "AI assistants" },
  { value: "mobile", label: "Mobile app" },
];

export const customFieldSeeds: readonly CustomFieldSeed[] = [
  { fieldName: "budget", label: "Budget", fieldType: "currency", currency: "USD" },
  { fieldName: "leadSource", label: "Lead source", fieldType: "select", options: leadSourceOptions },
  { fieldName: "projectTimeline", label: "Project timeline", fieldType: "date" },
  { fieldName: "newsletter", label: "Newsletter opt-in", fieldType: "boolean" },
  { fieldName: "bookingUrl", label: "Booking link", fieldType: "url" },
  { fieldName: "seats", label: "Seats needed", fieldType: "number" },
  { fieldName: "interests", label: "Interests", fieldType: "multiselect", options: interestOptions },
];

export const emailSubjects = [
  "Intro: Haste CRM for {company}",
  "Following up on our call",
  "Re: Pricing for {seats} seats",
  "Proposal for {company}",
  "Quick question about your {department} tooling",
  "Re: Security questionnaire",
  "Invitation: product demo on {day}",
  "Re: Contract redlines",
  "Case study: how teams like {company} cut admin time",
  "Re: Renewal and next year's plan",
  "Next steps after the workshop",
  "Re: Integration with your data warehouse",
] as const;
export const emailSnippets = [
  "Thanks for taking the time today. As promised, here is a short summary and the deck we walked through.",
  "I wanted to check whether you had a chance to review the proposal with your team.",
  "Happy to set up a technical deep dive with our solutions engineer next week if that helps.",
  "Could you share who else should be involved in the evaluation on your side?",
  "Attached is the updated quote reflecting the multi-year discount we discussed.",
  "Great to hear the pilot went well. Let's align on the rollout plan for the other regions.",
  "Our legal team has accepted most of the changes; two clauses are left to discuss.",
  "Just circling back on this: would Thursday or Friday work for a 30-minute call?",
] as const;
export const inboundSnippets = [
  "Thanks, this looks good. Let me loop in our head of IT before we move forward.",
  "We are comparing a few vendors this quarter; can you send over references?",
  "Could we push our call to next week? The board meeting moved.",
  "The team liked the demo. Main open point is the SSO setup.",
  "Budget is approved for Q3, so timing works on our side.",
] as const;
export const noteTemplates = [
  "Spoke with {first} about their {department} roadmap. Main pain point: manual reporting across regions.",
  "{first} is evaluating two competitors; price sensitivity is moderate, integrations matter more.",
  "Met {first} at the booth. Interested in automation features, asked for a trial.",
  "Champion is {first}. Needs a business case for the CFO by end of month.",
  "{first} mentioned a reorganisation in {department}; decision likely delayed by a few weeks.",
  "Good call with {first}. Next step: security review and a technical workshop.",
  "{first} prefers email over phone and is usually available in the mornings.",
] as const;
export const taskTitles = [
  "Send proposal to {first}", "Follow up with {first} on pricing", "Book demo with {company}", "Prepare business case for {company}",
  "Share case study with {first}", "Check in after onboarding", "Schedule quarterly business review", "Confirm contract signature",
] as const;
export const meetingTitles = ["Discovery call", "Product demo", "Technical deep dive", "Pricing discussion", "Quarterly business review", "Onboarding kickoff"] as const;
export const meetingLocations = ["Zoom", "Google Meet", "Microsoft Teams", "On site", "Phone"] as const;
export const callOutcomes = [["connected", 55], ["voicemail", 25], ["no_answer", 20]] as const;
export const dealNames = ["{company} – {seats} seats", "{company} expansion", "{company} annual plan", "{company} pilot", "{company} enterprise rollout"] as const;
