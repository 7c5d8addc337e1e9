// Word lists for the generated org. Fictional people and companies.

export const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Chloe',
  'Daniel',
  'Elif',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Samir',
  'Tess',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Aiko',
  'Bruno',
  'Carmen',
  'Dmitri',
  'Esther',
  'Felix',
  'Gita',
  'Hugo',
  'Ivy',
  'Jamal',
] as const;

export const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Kowalski',
  'Tanaka',
  'Haddad',
  'Nguyen',
  'Fischer',
  'Alvarez',
  'Brennan',
  'Chowdhury',
  'Dubois',
  'Eriksen',
  'Ferreira',
  'Gallagher',
  'Hoffmann',
  'Ibrahim',
  'Jensen',
  'Kim',
  'Larsen',
  'Mensah',
  'Novak',
  'Osei',
  'Petrov',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Torres',
  'Usman',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zimmermann',
] as const;

export const COMPANIES = [
  { name: 'Northwind Robotics', domain: 'northwind-robotics.example' },
  { name: 'Bluefin Analytics', domain: 'bluefin-analytics.example' },
  { name: 'Cedar & Finch Legal Tech', domain: 'cedarfinch.example' },
  { name: 'Lumen Health Labs', domain: 'lumenhealth.example' },
  { name: 'Harbor Freight Logistics AI', domain: 'harborlogistics.example' },
] as const;

export const DEMO_WORKSPACES = ['Production', 'Staging', 'Development', 'Research'] as const;

export const TEAM_NAMES = [
  'Search',
  'Support',
  'Billing',
  'Growth',
  'Mobile',
  'Platform',
  'Data',
  'Risk',
  'Checkout',
  'Docs',
  'Marketing',
  'Sales Ops',
  'Security',
  'Onboarding',
  'Analytics',
  'Infra',
  'Legal',
  'HR Tools',
  'Partner API',
  'Recommendations',
] as const;

export const ENVIRONMENTS = ['Production', 'Staging', 'Development', 'Sandbox', 'Experiments'] as const;

export const WORKSPACE_COLORS = ['#6C5BB9', '#D97757', '#2E7D6F', '#3B6FB6', '#B5487A', '#8A8A2E', '#4F4F4F'] as const;

/** Good key names: service + environment. */
export const SERVICE_NAMES = [
  'api-server',
  'checkout-service',
  'support-chatbot',
  'search-indexer',
  'doc-summarizer',
  'email-triage',
  'data-pipeline-nightly',
  'mobile-backend',
  'eval-harness',
  'ci-integration-tests',
  'slack-bot',
  'invoice-extractor',
  'code-review-bot',
  'translation-worker',
  'analytics-etl',
] as const;

/** What people actually name keys when in a hurry. */
export const BAD_KEY_NAMES = [
  'test',
  'asdf',
  'key',
  'New key',
  'temp - delete me',
  'untitled',
  'my key',
  'key2',
  'foo',
  'DO NOT USE',
] as const;

export const PERSONAL_KEY_SUFFIXES = ['laptop', 'notebook', 'local dev', 'experiments'] as const;
