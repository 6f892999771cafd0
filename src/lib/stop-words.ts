/**
 * Common English words that must not be aliases: an alias becomes an automatic link on every
 * mention, so "work" or "the" as an alias would turn half of every page into links.
 * Compared in lower case; the list holds function words and the everyday nouns and verbs of
 * business writing that are not terms in their own right.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // articles, pronouns, determiners
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'i', 'me', 'my', 'we', 'us', 'our',
  'you', 'your', 'he', 'she', 'him', 'her', 'his', 'they', 'them', 'their', 'who', 'what', 'which',
  'some', 'any', 'all', 'each', 'every', 'no', 'none', 'one', 'other', 'more', 'most', 'less',
  // conjunctions, prepositions, adverbs
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'then', 'than', 'as', 'at', 'by', 'for', 'from', 'in',
  'into', 'of', 'off', 'on', 'onto', 'out', 'over', 'to', 'up', 'with', 'about', 'after', 'before',
  'not', 'also', 'just', 'only', 'very', 'here', 'there', 'when', 'where', 'why', 'how', 'now',
  // verbs
  'is', 'are', 'was', 'be', 'been', 'do', 'does', 'done', 'have', 'has', 'had', 'can', 'will', 'may',
  'get', 'make', 'use', 'pay', 'hire', 'run', 'need', 'want', 'see', 'go',
  // everyday nouns of business writing
  'work', 'works', 'job', 'jobs', 'help', 'task', 'tasks', 'team', 'teams', 'time', 'money', 'business',
  'businesses', 'service', 'services', 'company', 'companies', 'firm', 'people', 'person', 'staff',
  'worker', 'workers', 'owner', 'customer', 'client', 'clients', 'cost', 'costs', 'price', 'fee',
  'hour', 'hours', 'day', 'days', 'week', 'month', 'year', 'home', 'office', 'project', 'process',
  'way', 'thing', 'part', 'place', 'example', 'question', 'answer', 'guide', 'term', 'page',
]);
